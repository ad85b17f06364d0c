package org.tegami.smtp.command;

import java.util.Set;
import java.util.regex.Pattern;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** HELO (RFC 5321 4.1.1.1): plain SMTP, no service extensions. */
final class HeloCommand implements SmtpCommand {

    /** A domain or an address literal; RFC 5321 4.1.4 forbids refusing a mismatched name, not a malformed one. */
    private static final Pattern CLIENT_NAME = Pattern.compile(
            "[\\p{L}\\p{N}_-]+(\\.[\\p{L}\\p{N}_-]+)*\\.?|\\[[\\p{Alnum}.:-]+\\]");

    @Override
    public String verb() {
        return "HELO";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return ANY;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        String name = clientName(argument);
        if (name == null) {
            return Response.reply(501, "5.5.4", "Syntax: " + verb() + " hostname");
        }
        if (session.heloName() != null) {
            session.junkCommand();
        }
        session.greet(name, false);
        return Response.reply(250, null, session.server().hostname());
    }

    /** The client's name from the argument, or {@code null} when it is no name. */
    static String clientName(String argument) {
        String name = argument.strip();
        // Some clients add words after the name; the name is the first one.
        int space = name.indexOf(' ');
        if (space > 0) {
            name = name.substring(0, space);
        }
        return name.length() <= 255 && CLIENT_NAME.matcher(name).matches() ? name : null;
    }
}
