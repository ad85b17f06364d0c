package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * STARTTLS command injection (CVE-2011-0411) on SMTP STARTTLS, POP3 STLS and IMAP STARTTLS:
 * commands pipelined in clear text behind the upgrade, in the same write or the next one, are
 * never run inside the TLS session; the first reply after the handshake answers the first
 * command sent inside it. Also STARTTLS twice, after login, and on implicit-TLS listeners.
 */
class StartTlsInjectionIT {

    private static final String U1_PLAIN = Base64.getEncoder().encodeToString(
            "\0u1@localhost\0pass1".getBytes(StandardCharsets.UTF_8));

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of(), started -> server = started)
            .servingAtTheEnd("127.0.0.49");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"smtp", "submission"})
    void smtpDropsCommandsPipelinedBehindStartTls(String listener) throws Exception {
        try (Wire w = Smtp.session(server, listener, "127.0.0.41")) {
            w.send("STARTTLS\r\nEHLO evil.example\r\nAUTH PLAIN " + U1_PLAIN + "\r\nMAIL FROM:<u1@localhost>\r\n");
            assertTrue(w.smtp().startsWith("220 "));
            w.startTls();
            // had the injected commands run, their replies would come first
            assertTrue(w.line("RCPT TO:<u1@localhost>").smtp().matches("503 5\\.5\\.1 .*EHLO.*"));
            assertTrue(w.line("EHLO client.example").smtp().startsWith("250 "));
            String mail = w.line("MAIL FROM:<u1@localhost>").smtp();
            // not authenticated: submission refuses MAIL, the MX listener refuses relaying
            if (listener.equals("submission")) {
                assertTrue(mail.matches("530 5\\.7\\.0 .*"), mail);
            } else {
                assertTrue(mail.startsWith("250 "), mail);
                assertTrue(w.line("RCPT TO:<victim@remote.example>").smtp().matches("550 5\\.7\\.1 .*"));
            }
        }
    }

    @Test
    void smtpInjectionInASecondWriteIsNeverRun() throws Exception {
        try (Wire w = Smtp.session(server, "smtp", "127.0.0.42")) {
            w.send("STARTTLS\r\n").send("RSET\r\nMAIL FROM:<evil@attacker.example>\r\n");
            assertTrue(w.smtp().startsWith("220 "));
            assertInjectionRejectedOrDropped(w, () -> w.line("RCPT TO:<u1@localhost>").smtp().startsWith("503 "));
        }
    }

    @Test
    void smtpStartTlsTwiceAfterAuthAndOnSmtps() throws Exception {
        try (Wire w = Smtp.session(server, "smtp", "127.0.0.43")) {
            assertTrue(w.line("STARTTLS").smtp().startsWith("220 "));
            w.startTls();
            assertTrue(w.line("EHLO client.example").smtp().startsWith("250 "));
            assertTrue(w.line("STARTTLS").smtp().matches("5\\d\\d .*"), "a second STARTTLS is refused");
            assertTrue(w.line("NOOP").smtp().startsWith("250 "));
        }
        try (Wire w = Smtp.session(server, "smtp", "127.0.0.43")) {
            assertTrue(Smtp.authPlain(w, "", "u1@localhost", "pass1").startsWith("235 "));
            String reply = w.line("STARTTLS").smtp();
            if (reply.startsWith("220 ")) {
                // RFC 3207 4.2: the session starts over, without the login
                w.startTls();
                assertTrue(w.line("EHLO client.example").smtp().startsWith("250 "));
                assertTrue(w.line("MAIL FROM:<u1@localhost>").smtp().startsWith("250 "));
                assertTrue(w.line("RCPT TO:<victim@remote.example>").smtp().matches("550 5\\.7\\.1 .*"));
            } else {
                assertTrue(reply.matches("5\\d\\d .*"), reply);
            }
        }
        try (Wire w = Smtp.session(server, "smtps", "127.0.0.43")) {
            assertTrue(w.line("STARTTLS").smtp().matches("5\\d\\d .*"), "STARTTLS inside implicit TLS");
            assertTrue(w.line("NOOP").smtp().startsWith("250 "));
        }
    }

    @Test
    void pop3DropsCommandsPipelinedBehindStls() throws Exception {
        try (Wire w = Wire.open(server.port("pop3"), "127.0.0.44")) {
            assertTrue(w.readLine().startsWith("+OK"));
            w.send("STLS\r\nUSER u1@localhost\r\nPASS pass1\r\n");
            assertTrue(w.readLine().startsWith("+OK"));
            w.startTls();
            assertTrue(w.line("STAT").readLine().startsWith("-ERR"), "STAT before login inside TLS");
            assertTrue(w.line("PASS pass1").readLine().startsWith("-ERR"), "no USER carried over");
        }
        try (Wire w = Wire.open(server.port("pop3"), "127.0.0.44")) {
            assertTrue(w.readLine().startsWith("+OK"));
            w.send("STLS\r\n").send("USER u1@localhost\r\nPASS pass1\r\n");
            assertTrue(w.readLine().startsWith("+OK"));
            assertInjectionRejectedOrDropped(w, () -> w.line("STAT").readLine().startsWith("-ERR"));
        }
    }

    @Test
    void pop3StlsTwiceAfterLoginAndOnPop3s() throws Exception {
        try (Wire w = Wire.open(server.port("pop3"), "127.0.0.45")) {
            assertTrue(w.readLine().startsWith("+OK"));
            assertTrue(w.line("STLS").readLine().startsWith("+OK"));
            w.startTls();
            assertTrue(w.line("STLS").readLine().startsWith("-ERR"));
            assertTrue(w.line("USER u1@localhost").readLine().startsWith("+OK"));
            assertTrue(w.line("PASS pass1").readLine().startsWith("+OK"));
            assertTrue(w.line("STLS").readLine().startsWith("-ERR"), "STLS after login (RFC 2595 4)");
            assertTrue(w.line("STAT").readLine().startsWith("+OK"));
        }
        try (Wire w = Wire.openTls(server.port("pop3s"), "127.0.0.45")) {
            assertTrue(w.readLine().startsWith("+OK"));
            assertTrue(w.line("STLS").readLine().startsWith("-ERR"));
            assertTrue(w.line("CAPA").readLine().startsWith("+OK"));
        }
    }

    @Test
    void imapDropsCommandsPipelinedBehindStartTls() throws Exception {
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.46")) {
            assertTrue(w.readLine().startsWith("* OK"));
            w.send("a STARTTLS\r\nb LOGIN u1@localhost pass1\r\nc SELECT INBOX\r\n");
            assertTrue(w.imap("a").startsWith("a OK"));
            w.startTls();
            String select = w.line("d SELECT INBOX").imap("d");
            assertTrue(select.matches("d (BAD|NO) .*"), "SELECT before login inside TLS: " + select);
            assertTrue(w.untagged().stream().noneMatch(l -> l.startsWith("b ") || l.startsWith("c ")), w.untagged().toString());
        }
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.46")) {
            assertTrue(w.readLine().startsWith("* OK"));
            w.send("a STARTTLS\r\n").send("b LOGIN u1@localhost pass1\r\n");
            assertTrue(w.imap("a").startsWith("a OK"));
            assertInjectionRejectedOrDropped(w, () -> w.line("d SELECT INBOX").imap("d").matches("d (BAD|NO) .*"));
        }
    }

    @Test
    void imapStartTlsTwiceAfterLoginAndOnImaps() throws Exception {
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.47")) {
            assertTrue(w.readLine().startsWith("* OK"));
            assertTrue(w.line("a STARTTLS").imap("a").startsWith("a OK"));
            w.startTls();
            assertTrue(w.line("b STARTTLS").imap("b").matches("b (BAD|NO) .*"));
            assertTrue(w.line("c LOGIN u1@localhost pass1").imap("c").startsWith("c OK"));
            assertTrue(w.line("d STARTTLS").imap("d").matches("d (BAD|NO) .*"));
            assertTrue(w.line("e NOOP").imap("e").startsWith("e OK"));
        }
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.47")) {
            assertTrue(w.readLine().startsWith("* OK"));
            assertTrue(w.line("a LOGIN u1@localhost pass1").imap("a").startsWith("a OK"));
            assertTrue(w.line("b STARTTLS").imap("b").matches("b (BAD|NO) .*"), "STARTTLS after login");
            assertTrue(w.line("c NOOP").imap("c").startsWith("c OK"));
        }
        try (Wire w = Wire.openTls(server.port("imaps"), "127.0.0.47")) {
            assertTrue(w.readLine().startsWith("* OK"));
            assertTrue(w.line("a STARTTLS").imap("a").matches("a (BAD|NO) .*"));
            assertTrue(w.line("b NOOP").imap("b").startsWith("b OK"));
        }
    }

    /** A check run inside TLS that must pass when the handshake works at all. */
    private interface Check {
        boolean passes() throws IOException;
    }

    /**
     * Plaintext sent in a second write may still be unread by the server when the handshake
     * starts: it then reads it as TLS and the handshake fails (an alert, record type 21, may
     * already have come back), which runs nothing either. If the
     * handshake works, {@code inside} must show the injected commands were not run.
     */
    private static void assertInjectionRejectedOrDropped(Wire w, Check inside) throws IOException {
        byte[] early = w.takeBuffered();
        if (early.length > 0) {
            // the server read the plaintext as its peer's first TLS record and answered with an alert
            assertEquals(0x15, early[0], "the server answered the injected plaintext in clear: "
                    + new String(early, java.nio.charset.StandardCharsets.ISO_8859_1));
            return;
        }
        try {
            w.startTls();
        } catch (IOException handshakeFailed) {
            return;
        }
        assertEquals(true, inside.passes(), "the first command inside TLS saw no effect of the injection");
    }
}
