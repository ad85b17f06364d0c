package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** SMTP steps the attack tests share. */
final class Smtp {

    private Smtp() {
    }

    /** Connects to an SMTP listener (implicit TLS for smtps), reads the greeting and says EHLO. */
    static Wire session(AttackServer server, String listener, String source) throws IOException {
        int port = server.port(listener);
        Wire w = listener.equals("smtps") ? Wire.openTls(port, source) : Wire.open(port, source);
        String greeting = w.smtp();
        assertTrue(greeting != null && greeting.startsWith("220 "), "greeting: " + greeting);
        String ehlo = w.line("EHLO attacker.example").smtp();
        assertTrue(ehlo != null && ehlo.startsWith("250 "), "EHLO: " + ehlo);
        return w;
    }

    /** {@code AUTH PLAIN} with an initial response (RFC 4616); returns the reply. */
    static String authPlain(Wire w, String authzid, String login, String password) throws IOException {
        String blob = Base64.getEncoder().encodeToString((authzid + "\0" + login + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        return w.line("AUTH PLAIN " + blob).smtp();
    }

    /** A small message ending in CRLF.CRLF. */
    static String message(String subject) {
        return "From: attacker@attacker.example\r\nSubject: " + subject + "\r\n\r\nbody of " + subject + "\r\n.\r\n";
    }
}
