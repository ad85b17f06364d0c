package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

/**
 * One password attempt per fresh connection on the SMTP submission, POP3 or IMAP listener,
 * answered with the server's reply line, so per-connection limits do not mix into what the
 * server-wide guessing defence does.
 */
final class Logins {

    private Logins() {
    }

    /** Tries {@code user}/{@code password} on {@code protocol} (submission, pop3, imap) from {@code source}. */
    static String attempt(AttackServer server, String protocol, String source, String user, String password)
            throws IOException {
        switch (protocol) {
            case "submission":
                try (Wire w = Smtp.session(server, "submission", source)) {
                    return Smtp.authPlain(w, "", user, password);
                }
            case "pop3":
                try (Wire w = Wire.open(server.port("pop3"), source)) {
                    assertTrue(w.readLine().startsWith("+OK"));
                    String reply = w.line("USER " + user).readLine();
                    if (!reply.startsWith("+OK")) {
                        return reply;
                    }
                    return w.line("PASS " + password).readLine();
                }
            case "imap":
                try (Wire w = Wire.open(server.port("imap"), source)) {
                    assertTrue(w.readLine().startsWith("* OK"));
                    return w.line("a LOGIN \"" + user + "\" \"" + password + "\"").imap("a");
                }
            default:
                throw new IllegalArgumentException(protocol);
        }
    }

    /** Whether a reply to {@link #attempt} means logged in. */
    static boolean succeeded(String protocol, String reply) {
        return switch (protocol) {
            case "submission" -> reply.startsWith("235 ");
            case "pop3" -> reply.startsWith("+OK");
            default -> reply.startsWith("a OK");
        };
    }
}
