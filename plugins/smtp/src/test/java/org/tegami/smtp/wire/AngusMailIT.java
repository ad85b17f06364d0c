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
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.Envelope;
import org.tegami.smtp.fake.FakeServer;

/** A real mail client (Angus Mail) submits over STARTTLS + AUTH and over implicit TLS. */
class AngusMailIT {

    @TempDir
    static Path dir;

    private static WireServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WireServer(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static MimeMessage message(Session session, String subject) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("alice@test"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("friend@elsewhere.example"));
        m.addRecipient(Message.RecipientType.CC, new InternetAddress("bob@test"));
        m.setSubject(subject);
        m.setText("Hello from Angus.\n.\nA line with a lone dot above.\n");
        return m;
    }

    private static FakeServer.Stored last() {
        return server.server.stored.get(server.server.stored.size() - 1);
    }

    @Test
    void submitsWithStartTlsAndAuthFromARemoteAddress() throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.port("submission-remote")));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "*");
        Session session = Session.getInstance(p);
        Transport.send(message(session, "over 587"), "alice@test", "secret");
        FakeServer.Stored stored = last();
        Envelope e = stored.envelope();
        assertEquals("alice@test", e.sender().toString());
        assertEquals(2, e.recipients().size());
        assertEquals("ESMTPSA", e.origin().protocol());
        assertTrue(stored.content().matches("(?s)Received: from \\S+ \\(\\[127\\.0\\.0\\.1\\]\\)\r\n\tby mx\\.test \\(Tegami\\) with ESMTPSA id \\S+\r\n"
                + "\t\\(TLSv1\\.[23] TLS_\\w+; authenticated as alice@test\\);\r\n\t\\w{3}, .*"), stored.content());
        assertTrue(stored.content().contains("\r\nSubject: over 587\r\n"), stored.content());
        assertTrue(stored.content().contains("\r\n.\r\nA line with a lone dot above."), stored.content());
    }

    @Test
    void submitsOverImplicitTls() throws Exception {
        Properties p = new Properties();
        p.put("mail.smtps.host", "127.0.0.1");
        p.put("mail.smtps.port", Integer.toString(server.port("smtps")));
        p.put("mail.smtps.auth", "true");
        p.put("mail.smtps.ssl.trust", "*");
        Session session = Session.getInstance(p);
        MimeMessage m = message(session, "over 465");
        try (Transport t = session.getTransport("smtps")) {
            t.connect("alice@test", "secret");
            t.sendMessage(m, m.getAllRecipients());
        }
        FakeServer.Stored stored = last();
        assertEquals("ESMTPSA", stored.envelope().origin().protocol());
        assertTrue(stored.content().contains("\r\nSubject: over 465\r\n"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.port("submission-remote")));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.ssl.trust", "*");
        Session session = Session.getInstance(p);
        assertThrows(AuthenticationFailedException.class, () -> Transport.send(message(session, "x"), "alice@test", "wrong"));
    }
}
