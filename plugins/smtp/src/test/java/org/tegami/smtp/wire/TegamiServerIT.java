package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tegami.smtp.SmtpService;
import org.tegami.testing.TestServer;
import org.tegami.tls.TlsService;

/**
 * The SMTP and TLS plugins in a real server (core's spool and Maildir delivery): mail sent by
 * real clients lands in the recipient's Maildir with our Received: header, and no listener
 * relays for a client that has not authenticated.
 */
class TegamiServerIT {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.builder().withoutTls()
                .extension("tls", new TlsService())
                .extension("smtp", new SmtpService())
                .user("alice@localhost", "secret")
                .user("bob@localhost", "hunter2")
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String delivered(String user, String subject) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (Path file : server.messages(user)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.contains("\r\nSubject: " + subject + "\r\n") || text.contains("\nSubject: " + subject + "\n")) {
                    return text;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message '" + subject + "' for " + user + " in " + server.messages(user));
    }

    private static MimeMessage message(Session session, String subject) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("alice@localhost"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@localhost"));
        m.setSubject(subject);
        m.setText("Hello Bob.\n.\n");
        return m;
    }

    @Test
    void angusOverSubmissionWithStartTlsAndAuthLandsInTheMaildir() throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.port("submission")));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "*");
        Transport.send(message(Session.getInstance(p), "angus 587"), "alice@localhost", "secret");
        String text = delivered("bob@localhost", "angus 587");
        assertTrue(text.matches("(?s).*Received: from \\S+ \\(\\[127\\.0\\.0\\.1\\]\\)\r?\n\tby mx\\.test \\(Tegami\\) with ESMTPSA id \\S+\r?\n"
                + "\t\\(TLSv1\\.[23] TLS_\\w+; authenticated as alice@localhost\\)\r?\n\tfor <bob@localhost>;.*"), text);
        assertTrue(text.contains("From: alice@localhost"), text);
    }

    @Test
    void angusOverImplicitTlsLandsInTheMaildir() throws Exception {
        Properties p = new Properties();
        p.put("mail.smtps.host", "127.0.0.1");
        p.put("mail.smtps.port", Integer.toString(server.port("smtps")));
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.ssl.trust", "*");
        Session session = Session.getInstance(p);
        MimeMessage m = message(session, "angus 465");
        try (Transport t = session.getTransport("smtps")) {
            t.connect("alice@localhost", "secret");
            t.sendMessage(m, m.getAllRecipients());
        }
        String text = delivered("bob@localhost", "angus 465");
        assertTrue(text.contains("by mx.test (Tegami) with ESMTPSA"), text);
    }

    @Test
    void angusWithAWrongPasswordIsRefused() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.port("submission")));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.ssl.trust", "*");
        Session session = Session.getInstance(p);
        assertThrows(AuthenticationFailedException.class,
                () -> Transport.send(message(session, "wrong password"), "alice@localhost", "wrong"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"starttls", "smtps", "mx"})
    void pythonSmtplibLandsInTheMaildir(String mode) throws Exception {
        Path script = Path.of(TegamiServerIT.class.getResource("/python/send.py").toURI());
        String port = Integer.toString(server.port(switch (mode) {
            case "starttls" -> "submission";
            case "smtps" -> "smtps";
            default -> "smtp";
        }));
        Process p = new ProcessBuilder("python3", script.toString(), mode, "127.0.0.1", port, "python " + mode, "localhost")
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(delivered("bob@localhost", "python " + mode).contains("Received: from python.test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp", "submission", "smtps"})
    void noListenerRelaysForAnUnauthenticatedClient(String listener) throws Exception {
        String mailReply = listener.equals("smtp") ? "250 2\\.1\\.0 Ok" : "530 5\\.7\\.0 .*";
        String rcptReply = listener.equals("smtp") ? "550 5\\.7\\.1 Relaying denied" : "503 5\\.5\\.1 .*";
        new TranscriptRunner(server::port).run(List.of("L: " + listener, "S: 220 .*", "C: EHLO relay.test", "M: 250 .*",
                "C: MAIL FROM:<spammer@spam.example>", "S: " + mailReply,
                "C: RCPT TO:<victim@elsewhere.example>", "S: " + rcptReply, "C: QUIT", "S: 221 .*"), listener);
    }

    @Test
    void aTranscriptAgainstTheRealSpool() throws Exception {
        new TranscriptRunner(server::port).run(List.of("L: smtp", "S: 220 mx\\.test ESMTP Tegami", "C: EHLO c.test", "M: 250 .*",
                "C: MAIL FROM:<x@remote.example>", "C: RCPT TO:<bob@localhost>", "C: RCPT TO:<nobody@localhost>", "C: DATA",
                "S: 250 2\\.1\\.0 Ok", "S: 250 2\\.1\\.5 Ok", "S: 550 5\\.1\\.1 .*", "S: 354 .*",
                "C: Subject: transcript to spool", "C: ", "C: ..dot", "C: .", "S: 250 2\\.0\\.0 Ok: queued as \\S+"), "spool");
        String text = delivered("bob@localhost", "transcript to spool");
        assertTrue(text.contains("\n.dot"), text);
        server.awaitMessages("bob@localhost", 1, Duration.ofSeconds(1));
    }
}
