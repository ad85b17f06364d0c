package org.tegami.smtp.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tegami.smtp.session.ListenerRole;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/**
 * Maps verbs to commands for one listener role, with the role's requirements wrapped around
 * them: on submission listeners MAIL needs AUTH (RFC 6409 4.3), and AUTH everywhere needs TLS
 * or loopback. Immutable, shared by all sessions of a listener.
 */
public final class CommandTable {

    private final Map<String, SmtpCommand> commands = new LinkedHashMap<>();

    private CommandTable() {
    }

    /** The table for one kind of listener. */
    public static CommandTable forRole(ListenerRole role) {
        CommandTable t = new CommandTable();
        SmtpCommand mail = new MailCommand();
        t.add(new EhloCommand());
        t.add(new HeloCommand());
        t.add(role.requiresAuth() ? GuardedCommand.requireAuth(mail) : mail);
        t.add(new RcptCommand());
        t.add(new DataCommand());
        t.add(new BdatCommand());
        t.add(new RsetCommand());
        t.add(new NoopCommand());
        t.add(new QuitCommand());
        t.add(new VrfyCommand());
        t.add(new HelpCommand());
        t.add(new StarttlsCommand());
        t.add(GuardedCommand.requireSecureAuth(new AuthCommand()));
        return t;
    }

    private void add(SmtpCommand command) {
        commands.put(command.verb(), command);
    }

    /** Whether the verb is known (the rest are answered 500). */
    public boolean knows(String verb) {
        return commands.containsKey(verb);
    }

    /** Runs a known verb if the state allows it; else a 503 naming what is missing. */
    public Response dispatch(SessionContext session, String verb, String argument) {
        SmtpCommand command = commands.get(verb);
        if (command == null) {
            return Response.reply(500, "5.5.1", "Command unrecognized");
        }
        Set<SmtpState> legal = command.legalStates();
        if (!legal.contains(session.state())) {
            return Response.reply(503, "5.5.1", sequenceError(verb, session.state()));
        }
        return command.execute(session, argument);
    }

    private static String sequenceError(String verb, SmtpState state) {
        return switch (state) {
            case CONNECTED -> "Send EHLO or HELO first";
            case GREETED -> "Send MAIL first";
            case MAIL -> verb.equals("MAIL") ? "Sender already given" : verb.equals("DATA") || verb.equals("BDAT")
                    ? "Send RCPT first" : "Not allowed during a mail transaction";
            case RCPT -> verb.equals("MAIL") ? "Sender already given" : "Not allowed during a mail transaction";
        };
    }
}
