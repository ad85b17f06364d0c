package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tegami.core.server.ReloadOutcome;
import org.tegami.routing.AliasRouter;
import org.tegami.routing.LocalUserRouter;
import org.tegami.routing.RelayRuleRouter;
import org.tegami.routing.VirtualAliasRouter;
import org.tegami.smtp.SmtpService;
import org.tegami.testing.TestServer;
import org.tegami.tls.TlsService;

/**
 * {@code smtp.sender-must-match-login}: an authenticated user may send only as an address the
 * login owns, with the routing plugin's aliases and virtual map answering which addresses those
 * are. Two servers for the local domain {@code test} (users alice and bob): the check on (the
 * default) and off.
 */
class SenderOwnershipIT {

    private static final String REFUSED = "553 5\\.7\\.1 Sender address not owned by user alice@test";

    @TempDir
    static Path tables;

    private static TestServer checking;
    private static TestServer open;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(tables.resolve("aliases"), """
                sales: alice
                support: bob
                staff: alice, bob
                """, StandardCharsets.UTF_8);
        Files.writeString(tables.resolve("virtual"), """
                alice.smith@example.org alice@test
                bob.jones@example.org   bob@test
                team@example.org        alice@test, bob@test
                """, StandardCharsets.UTF_8);
        checking = server();
        try {
            open = server("smtp.sender-must-match-login", "false");
        } catch (Exception e) {
            checking.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        checking.close();
        open.close();
    }

    /** Core with the SMTP, TLS and routing plugins; AUTH in clear text from loopback. */
    private static TestServer server(String... config) throws Exception {
        TestServer.Builder b = TestServer.builder().withoutTls().withoutDefaultRouter()
                .extension("tls", new TlsService())
                .extension("smtp", new SmtpService())
                .extension("routing", new VirtualAliasRouter())
                .extension("routing", new AliasRouter())
                .extension("routing", new LocalUserRouter())
                .extension("routing", new RelayRuleRouter())
                .config("domains", "test")
                .config("routing.aliases", tables.resolve("aliases").toString())
                .config("routing.virtual", tables.resolve("virtual").toString())
                .config("routing.rules", tables.resolve("routes").toString())
                .user("alice@test", "secret")
                .user("bob@test", "hunter2");
        for (int i = 0; i + 1 < config.length; i += 2) {
            b.config(config[i], config[i + 1]);
        }
        return b.start();
    }

    @ParameterizedTest(name = "{0} MAIL FROM:<{1}>")
    @CsvSource({
        "submission, alice@test, 250 2\\.1\\.0 Ok",
        "submission, ALICE@Test, 250 2\\.1\\.0 Ok",
        "submission, alice+lists@test, 250 2\\.1\\.0 Ok",
        "submission, sales@test, 250 2\\.1\\.0 Ok",
        "submission, sales+x@test, 250 2\\.1\\.0 Ok",
        "submission, alice.smith@example.org, 250 2\\.1\\.0 Ok",
        "submission, '', 250 2\\.1\\.0 Ok",
        "submission, bob@test, " + REFUSED,
        "submission, bob+lists@test, " + REFUSED,
        "submission, support@test, " + REFUSED,
        "submission, staff@test, " + REFUSED,
        "submission, bob.jones@example.org, " + REFUSED,
        "submission, team@example.org, " + REFUSED,
        "submission, nobody@test, " + REFUSED,
        "submission, alice@remote.example, " + REFUSED,
        "smtps, alice@test, 250 2\\.1\\.0 Ok",
        "smtps, sales@test, 250 2\\.1\\.0 Ok",
        "smtps, bob@test, " + REFUSED,
        "smtps, alice@remote.example, " + REFUSED,
        "smtp, alice@test, 250 2\\.1\\.0 Ok",
        "smtp, bob@test, " + REFUSED,
    })
    void authenticatedSendersMustBeOwned(String listener, String sender, String reply) throws Exception {
        new TranscriptRunner(checking::port).run(authenticatedMail(listener, sender, reply), listener);
    }

    @ParameterizedTest(name = "MAIL FROM:<{0}>")
    @ValueSource(strings = {"bob@test", "staff@test", "team@example.org", "alice@remote.example", "nobody@test"})
    void withTheCheckOffAuthenticatedSendersMayUseAnyAddress(String sender) throws Exception {
        new TranscriptRunner(open::port).run(authenticatedMail("submission", sender, "250 2\\.1\\.0 Ok"), "off");
    }

    @Test
    void aRefusalLeavesTheSessionReadyForAnOwnedSender() throws Exception {
        List<String> script = new ArrayList<>(authenticatedMail("submission", "bob@test", REFUSED));
        script.remove(script.size() - 1);
        script.remove(script.size() - 1);
        script.addAll(List.of("C: RCPT TO:<bob@test>", "S: 503 5\\.5\\.1 .*",
                "C: MAIL FROM:<alice@test>", "S: 250 2\\.1\\.0 Ok", "C: RCPT TO:<bob@test>", "S: 250 2\\.1\\.5 Ok",
                "C: QUIT", "S: 221 .*"));
        new TranscriptRunner(checking::port).run(script, "after refusal");
    }

    @Test
    void unauthenticatedMailFromOtherServersIsNotChecked() throws Exception {
        new TranscriptRunner(checking::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO mx.remote.example", "M: 250 .*",
                "C: MAIL FROM:<bob@test>", "S: 250 2\\.1\\.0 Ok", "C: RCPT TO:<alice@test>", "S: 250 2\\.1\\.5 Ok",
                "C: DATA", "S: 354 .*", "C: Subject: from outside", "C: ", "C: hello", "C: .", "S: 250 .*",
                "C: QUIT", "S: 221 .*"), "mx");
        assertTrue(Mailboxes.delivered(checking, "alice@test", "from outside").contains("Return-Path: <bob@test>"));
    }

    @Test
    void angusSendsAsAnOwnedAliasAndIsRefusedAnotherUsersAddress() throws Exception {
        Session session = angus(checking, "submission");
        Transport.send(message(session, "alice.smith@example.org", "as alias"), "alice@test", "secret");
        assertTrue(Mailboxes.delivered(checking, "bob@test", "as alias").contains("Return-Path: <alice.smith@example.org>"));

        MessagingException refused = assertThrows(MessagingException.class,
                () -> Transport.send(message(session, "bob@test", "forged"), "alice@test", "secret"));
        SMTPSendFailedException smtp = SmtpFailures.find(refused, SMTPSendFailedException.class);
        assertEquals(553, smtp.getReturnCode());
        assertTrue(smtp.getMessage().contains("5.7.1 Sender address not owned by user alice@test"), smtp.getMessage());
    }

    @Test
    void angusOverSmtpsSendsWithTagAndNullSender() throws Exception {
        Session session = angus(checking, "smtps");
        Transport.send(message(session, "alice+news@test", "tagged"), "alice@test", "secret");
        assertTrue(Mailboxes.delivered(checking, "bob@test", "tagged").contains("Return-Path: <alice+news@test>"));
        session.getProperties().put("mail.smtps.from", "<>");
        Transport.send(message(session, "alice@test", "null sender"), "alice@test", "secret");
        assertTrue(Mailboxes.delivered(checking, "bob@test", "null sender").contains("Return-Path: <>"));
    }

    @Test
    void angusWithTheCheckOffSendsAsAnotherUser() throws Exception {
        Transport.send(message(angus(open, "submission"), "bob@test", "check off"), "alice@test", "secret");
        assertTrue(Mailboxes.delivered(open, "bob@test", "check off").contains("Return-Path: <bob@test>"));
    }

    @Test
    void reloadSwitchesTheCheckForNewSessions() throws Exception {
        try (TestServer server = server()) {
            new TranscriptRunner(server::port).run(authenticatedMail("submission", "bob@test", REFUSED), "before");
            Files.writeString(server.confDir().resolve("tegami.conf"), "smtp.sender-must-match-login = false\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            ReloadOutcome outcome = server.tegami().reload();
            assertEquals(ReloadOutcome.Status.APPLIED, outcome.status(), outcome.message());
            new TranscriptRunner(server::port).run(authenticatedMail("submission", "bob@test", "250 2\\.1\\.0 Ok"), "after");
        }
    }

    @Test
    void aBadValueStopsTheStart() {
        Exception e = assertThrows(Exception.class, () -> TestServer.builder().extension("smtp", new SmtpService())
                .config("smtp.sender-must-match-login", "perhaps").start().close());
        assertTrue(e.getMessage().contains("smtp.sender-must-match-login"), e.getMessage());
    }

    /** EHLO, AUTH PLAIN as alice, then MAIL FROM with the expected reply, RSET and QUIT. */
    private static List<String> authenticatedMail(String listener, String sender, String reply) {
        String plain = Base64.getEncoder().encodeToString("\0alice@test\0secret".getBytes(StandardCharsets.UTF_8));
        return List.of("L: " + listener, "S: 220 .*", "C: EHLO client.test", "M: 250 .*",
                "C: AUTH PLAIN " + plain, "S: 235 2\\.7\\.0 .*",
                "C: MAIL FROM:<" + sender + ">", "S: " + reply, "C: RSET", "S: 250 .*",
                "C: QUIT", "S: 221 .*");
    }

    /** An Angus Mail session to a listener: STARTTLS on submission, implicit TLS on smtps, any certificate. */
    private static Session angus(TestServer server, String listener) {
        String protocol = listener.equals("smtps") ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        // Transport.send picks the transport by address type, not mail.transport.protocol.
        p.put("mail.transport.protocol.rfc822", protocol);
        p.put("mail." + protocol + ".host", "127.0.0.1");
        p.put("mail." + protocol + ".port", Integer.toString(server.port(listener)));
        p.put("mail." + protocol + ".auth", "true");
        p.put("mail." + protocol + ".ssl.trust", "*");
        p.put("mail." + protocol + ".ssl.checkserveridentity", "false");
        p.put("mail." + protocol + ".starttls.enable", "true");
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "10000");
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session session, String from, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@test"));
        m.setSubject(subject);
        m.setText("Hello.\n");
        return m;
    }
}
