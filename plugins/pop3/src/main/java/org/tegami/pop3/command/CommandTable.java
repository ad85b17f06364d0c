package org.tegami.pop3.command;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.tegami.api.MailboxException;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.codec.RequestParser;
import org.tegami.pop3.session.Pop3Session;
import org.tegami.pop3.session.Pop3State;
import org.tinylog.Logger;

/**
 * The verbs this server knows, each with the states it is legal in (RFC 1939, RFC 2449,
 * RFC 2595, RFC 5034) and whether it carries a password and so needs TLS off loopback. APOP is
 * absent on purpose: it needs the plaintext password, and passwords are stored hashed.
 * Immutable and shared by all sessions.
 */
public final class CommandTable {

    private static final Set<Pop3State> AUTHORIZATION = EnumSet.of(Pop3State.AUTHORIZATION);
    private static final Set<Pop3State> TRANSACTION = EnumSet.of(Pop3State.TRANSACTION);
    private static final Set<Pop3State> BOTH = EnumSet.of(Pop3State.AUTHORIZATION, Pop3State.TRANSACTION);

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** The standard table. */
    public CommandTable() {
        add("CAPA", BOTH, false, new CapaCommand());
        add("QUIT", BOTH, false, new QuitCommand());
        add("STLS", AUTHORIZATION, false, new StlsCommand());
        add("USER", AUTHORIZATION, true, new UserCommand());
        add("PASS", AUTHORIZATION, true, new PassCommand());
        add("AUTH", AUTHORIZATION, true, new AuthCommand());
        add("STAT", TRANSACTION, false, new StatCommand());
        add("LIST", TRANSACTION, false, new ListCommand());
        add("UIDL", TRANSACTION, false, new UidlCommand());
        add("RETR", TRANSACTION, false, new RetrCommand());
        add("TOP", TRANSACTION, false, new TopCommand());
        add("DELE", TRANSACTION, false, new DeleCommand());
        add("NOOP", TRANSACTION, false, new NoopCommand());
        add("RSET", TRANSACTION, false, new RsetCommand());
    }

    private void add(String verb, Set<Pop3State> states, boolean carriesPassword, Pop3Command command) {
        entries.put(verb, new Entry(states, carriesPassword, command));
    }

    /** Parses, checks and runs one command line. */
    public Pop3Reply dispatch(String line, Pop3Session session) {
        Pop3Request request;
        try {
            request = RequestParser.parse(line);
        } catch (RequestParser.MalformedRequestException e) {
            return session.badCommand(Pop3Reply.err("unknown command"));
        }
        Logger.tag("pop3").debug("C: {}", request);
        Entry entry = entries.get(request.verb());
        if (entry == null) {
            return session.badCommand(Pop3Reply.err("unknown command"));
        }
        if (!entry.states().contains(session.state())) {
            return session.badCommand(Pop3Reply.err(request.verb() + " not allowed in "
                    + session.state().name() + " state"));
        }
        if (entry.carriesPassword() && !session.plaintextLoginAllowed()) {
            // RFC 2595 section 2.2: no passwords in the clear; RFC 3206 [AUTH] as Dovecot answers
            return session.badCommand(Pop3Reply.err("AUTH", "plaintext authentication disallowed, use STLS first"));
        }
        try {
            return entry.command().handle(request, session);
        } catch (MailboxException e) {
            return Pop3Reply.err(e.getMessage());
        } catch (IOException | RuntimeException e) {
            Logger.tag("pop3").warn("{} failed: {}", request.verb(), e.toString());
            return Pop3Reply.err("SYS/TEMP", "temporary failure, try again later");
        }
    }

    /** Whether the verb is known, for tests and CAPA. */
    public boolean knows(String verb) {
        return entries.containsKey(verb);
    }

    private record Entry(Set<Pop3State> states, boolean carriesPassword, Pop3Command command) {
    }
}
