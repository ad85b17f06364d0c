package org.tegami.smtp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.smtp.fake.FakeConnection;
import org.tegami.smtp.fake.FakeServer;

class SmtpSessionTest {

    private final SessionHarness h = new SessionHarness();

    private static void assertReplies(List<String> actual, String... patterns) {
        assertEquals(patterns.length, actual.size(), () -> "replies: " + actual);
        for (int i = 0; i < patterns.length; i++) {
            String line = actual.get(i);
            String pattern = patterns[i];
            assertTrue(Pattern.compile(pattern).matcher(line).lookingAt(), () -> "reply " + line + " !~ " + pattern + " in " + actual);
        }
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsAMessageWithReceivedHeaderAndDotUnstuffing() throws Exception {
        List<String> r = h.mx("EHLO client.example", "MAIL FROM:<sender@remote.example> BODY=8BITMIME",
                "RCPT TO:<alice@test> NOTIFY=SUCCESS,FAILURE", "DATA", "Subject: hi", "", "..dotted", ".", "QUIT");
        assertReplies(r, "220 mx.test", "250 STARTTLS", "250 2.1.0", "250 2.1.5", "354", "250 2.0.0 Ok: queued as Q1", "221 2.0.0");
        FakeServer.Stored m = h.server.stored.get(0);
        Envelope e = m.envelope();
        assertEquals(MailAddress.parse("sender@remote.example"), e.sender());
        assertEquals("SUCCESS,FAILURE", e.recipients().get(0).dsnNotify());
        assertEquals("8BITMIME", e.parameters().get("BODY"));
        assertEquals("ESMTP", e.origin().protocol());
        assertTrue(m.content().startsWith("Received: from client.example ([192.0.2.7])\r\n\tby mx.test (Tegami) with ESMTP id c1\r\n\tfor <alice@test>;"), m.content());
        assertTrue(m.content().endsWith("\r\nSubject: hi\r\n\r\n.dotted\r\n"), m.content());
    }

    @Test
    void ehloAdvertisesExtensionsAndNoAuthInClearFromRemote() throws Exception {
        h.mx("EHLO c.example");
        String out = h.connection.sent();
        for (String keyword : List.of("PIPELINING", "SIZE 52428800", "8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8", "CHUNKING", "DSN", "STARTTLS")) {
            assertTrue(out.contains("250-" + keyword + "\r\n") || out.contains("250 " + keyword + "\r\n"), keyword + " in " + out);
        }
        assertTrue(!out.contains("AUTH"), out);
    }

    @Test
    void commandsOutOfSequenceAre503() throws Exception {
        assertReplies(h.mx("MAIL FROM:<a@b.example>", "EHLO c", "RCPT TO:<alice@test>", "DATA", "MAIL FROM:<a@b.example>",
                "DATA", "MAIL FROM:<a@b.example>", "AUTH PLAIN", "STARTTLS"),
                "220", "503 5.5.1 Send EHLO", "250", "503 5.5.1 Send MAIL", "503 5.5.1 Send MAIL", "250 2.1.0",
                "503 5.5.1 Send RCPT", "503 5.5.1 Sender already", "503 5.5.1 Not allowed", "503 5.5.1 Not allowed");
    }

    @Test
    void unknownLocalUserAndRelayAreRefusedAtRcpt() throws Exception {
        assertReplies(h.mx("EHLO c", "MAIL FROM:<a@b.example>", "RCPT TO:<nobody@test>", "RCPT TO:<x@elsewhere.example>",
                "RCPT TO:<postmaster>", "DATA", "."),
                "220", "250", "250", "550 5.1.1 No such user", "550 5.7.1 Relaying denied", "250 2.1.5", "354", "250");
        assertEquals("postmaster@test", h.server.stored.get(0).envelope().recipients().get(0).address().toString());
    }

    @Test
    void submissionNeedsAuthBeforeMailAndAllowsRelayAfter() throws Exception {
        FakeConnection c = new FakeConnection("submission", "127.0.0.1", false, true, SessionHarness.crlf(
                "EHLO c", "MAIL FROM:<alice@test>", "AUTH PLAIN " + plain("alice@test", "secret"), "MAIL FROM:<alice@test>",
                "RCPT TO:<friend@elsewhere.example>", "DATA", "hello", ".", "QUIT"), "");
        assertReplies(h.run(c), "220", "250", "530 5.7.0", "235 2.7.0", "250", "250 2.1.5", "354", "250 2.0.0", "221");
        Envelope e = h.server.stored.get(0).envelope();
        assertEquals("alice@test", e.origin().authenticatedUser());
        assertEquals("ESMTPA", e.origin().protocol());
        assertTrue(h.server.stored.get(0).content().contains("(authenticated as alice@test)"));
    }

    @Test
    void authNeedsTlsFromRemoteClients() throws Exception {
        assertReplies(h.mx("EHLO c", "AUTH PLAIN " + plain("alice@test", "secret")), "220", "250", "538 5.7.11");
    }

    @Test
    void authLoginChallengesAndFailuresAndLockout() throws Exception {
        String user = Base64.getEncoder().encodeToString("alice@test".getBytes(StandardCharsets.UTF_8));
        String wrong = Base64.getEncoder().encodeToString("nope".getBytes(StandardCharsets.UTF_8));
        FakeConnection c = new FakeConnection("submission", "127.0.0.1", false, false, SessionHarness.crlf(
                "EHLO c", "AUTH LOGIN", user, wrong, "AUTH PLAIN", "*", "AUTH PLAIN " + plain("locked", "x"),
                "AUTH CRAM-MD5", "AUTH PLAIN !!!"), "");
        assertReplies(h.run(c), "220", "250", "334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6", "535 5.7.8", "334 ",
                "501 5.0.0", "454 4.7.0", "504 5.5.4", "501 5.5.2");
    }

    @Test
    void smtpsIsSecureFromTheStartAndSaysSoInReceived() throws Exception {
        FakeConnection c = new FakeConnection("smtps", "198.51.100.1", true, false, SessionHarness.crlf(
                "EHLO c", "AUTH PLAIN " + plain("alice@test", "secret"), "MAIL FROM:<alice@test>", "RCPT TO:<bob@test>",
                "DATA", "x", ".", "QUIT"), "");
        assertReplies(h.run(c), "220", "250", "235", "250", "250", "354", "250 2.0.0", "221");
        assertTrue(!c.sent().contains("STARTTLS"));
        String content = h.server.stored.get(0).content();
        assertTrue(content.contains("with ESMTPSA id c1\r\n\t(TLSv1.3 TLS_AES_128_GCM_SHA256; authenticated as alice@test)"), content);
    }

    @Test
    void startTlsDiscardsPipelinedPlaintextAndForgetsTheGreeting() throws Exception {
        FakeConnection c = new FakeConnection("smtp", "192.0.2.7", false, true,
                SessionHarness.crlf("EHLO c", "STARTTLS", "MAIL FROM:<evil@x.example>", "RCPT TO:<alice@test>"),
                SessionHarness.crlf("MAIL FROM:<a@b.example>", "EHLO c", "STARTTLS", "QUIT"));
        assertReplies(h.run(c), "220", "250", "220 2.0.0 Ready", "503 5.5.1 Send EHLO", "250", "503 5.5.1 TLS already", "221");
        assertTrue(c.flushes().stream().anyMatch(f -> f.endsWith("220 2.0.0 Ready to start TLS\r\n")),
                "the STARTTLS reply is sent before the handshake: " + c.flushes());
    }

    @Test
    void pipelinedRepliesLeaveInOneWriteAndWholeReplies() throws Exception {
        h.mx("EHLO c", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@test>", "RCPT TO:<bob@test>", "DATA", "x", ".", "QUIT");
        List<String> flushes = h.connection.flushes();
        for (String flush : flushes) {
            assertTrue(flush.endsWith("\r\n") && Pattern.compile("(^|\\r\\n)\\d{3} [^\\r]*\\r\\n$").matcher(flush).find(), flush);
        }
        assertTrue(flushes.size() <= 3, "greeting+EHLO+MAIL+RCPT+RCPT+DATA+354 batched; got " + flushes);
    }

    @Test
    void bareLfInDataIsRefusedAndSmuggledCommandsAreNotRun() throws Exception {
        String client = "EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@test>\r\nDATA\r\n"
                + "Subject: one\r\n\r\nbody\n.\nMAIL FROM:<evil@x.example>\r\nRCPT TO:<bob@test>\r\nDATA\r\nsmuggled\r\n.\r\nQUIT\r\n";
        assertReplies(h.run(FakeConnection.mx(client)), "220", "250", "250", "250", "354", "550 5.6.0 Message refused: bare LF", "221");
        assertTrue(h.server.stored.isEmpty());
    }

    @Test
    void bareCrInDataIsRefused() throws Exception {
        String client = "EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@test>\r\nDATA\r\nbody\r.\r\nmore\r\n.\r\nNOOP\r\n";
        assertReplies(h.run(FakeConnection.mx(client)), "220", "250", "250", "250", "354", "550 5.6.0 Message refused: bare CR", "250 2.0.0");
        assertTrue(h.server.stored.isEmpty());
    }

    @Test
    void oversizedMessagesAreRefusedBeforeAndDuringData() throws Exception {
        h.config = new SmtpConfig(2000, 100, 1000, 10, 100, SmtpConfig.defaults().sessionTimeout(),
                SmtpConfig.defaults().commandTimeout(), SmtpConfig.defaults().dataTimeout(), false, true, true);
        String big = ("x".repeat(98) + "\r\n").repeat(30);
        assertReplies(h.run(FakeConnection.mx("EHLO c\r\nMAIL FROM:<a@b.example> SIZE=5000\r\nMAIL FROM:<a@b.example>\r\n"
                + "RCPT TO:<alice@test>\r\nDATA\r\n" + big + ".\r\nNOOP\r\n")),
                "220", "250", "552 5.3.4", "250", "250", "354", "552 5.3.4", "250");
        assertTrue(h.server.stored.isEmpty());
    }

    @Test
    void spoolFailureIsTemporary() throws Exception {
        h.server.failIntake = true;
        assertReplies(h.mx("EHLO c", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@test>", "DATA", "x", ".", "RSET"),
                "220", "250", "250", "250", "354", "451 4.3.0", "250");
    }

    @Test
    void aFullSpoolDiskIsInsufficientStorage() throws Exception {
        h.server.intakeDiskFull = true;
        assertReplies(h.mx("EHLO c", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@test>", "DATA", "x", ".", "RSET"),
                "220", "250", "250", "250", "354", "452 4.3.1", "250");
    }

    @Test
    void aFailingServiceIsATemporaryErrorNotAStackTrace() throws Exception {
        h.server.broken = true;
        FakeConnection c = new FakeConnection("submission", "127.0.0.1", false, false, SessionHarness.crlf(
                "EHLO c", "AUTH LOGIN", "YWxpY2VAdGVzdA==", "c2VjcmV0", "AUTH PLAIN " + plain("alice@test", "secret"), "NOOP"), "");
        assertReplies(h.run(c), "220", "250", "334", "334", "451 4.3.0", "451 4.3.0", "250");
        assertTrue(!c.sent().contains("Exception"), c.sent());
        SessionHarness mx = new SessionHarness();
        mx.server.broken = true;
        assertReplies(mx.mx("EHLO c", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@test>"), "220", "250", "250", "451 4.3.0");
    }

    @Test
    void bdatChunksMakeOneMessage() throws Exception {
        String client = "EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@test>\r\n"
                + "BDAT 11\r\nSubject: \r\nNOOP\r\nBDAT 6 LAST\r\nx\r\n.\r\nQUIT\r\n";
        assertReplies(h.run(FakeConnection.mx(client)), "220", "250", "250", "250", "250 2.0.0 11 octets", "250 2.0.0 Ok",
                "250 2.0.0 Ok: queued as Q1", "221");
        assertTrue(h.server.stored.get(0).content().endsWith("\r\nSubject: \r\nx\r\n.\r\n"), h.server.stored.get(0).content());
    }

    @Test
    void bdatOutOfSequenceSkipsItsOctets() throws Exception {
        String client = "EHLO c\r\nBDAT 12 LAST\r\nQUIT\r\nQUIT\r\nNOOP\r\n";
        assertReplies(h.run(FakeConnection.mx(client)), "220", "250", "503 5.5.1 Send MAIL", "250 2.0.0");
    }

    @Test
    void bdatInterruptedByRsetStoresNothing() throws Exception {
        String client = "EHLO c\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<alice@test>\r\nBDAT 3\r\nabcRSET\r\nMAIL FROM:<a@b.example>\r\n";
        assertReplies(h.run(FakeConnection.mx(client)), "220", "250", "250", "250", "250 2.0.0 3 octets", "250 2.0.0 Ok", "250 2.1.0");
        assertTrue(h.server.stored.isEmpty());
    }

    @Test
    void tooManyRecipientsIs452() throws Exception {
        h.config = new SmtpConfig(1 << 20, 2, 1000, 10, 100, SmtpConfig.defaults().sessionTimeout(),
                SmtpConfig.defaults().commandTimeout(), SmtpConfig.defaults().dataTimeout(), false, true, true);
        assertReplies(h.mx("EHLO c", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@test>", "RCPT TO:<bob@test>", "RCPT TO:<alice@test>"),
                "220", "250", "250", "250", "250", "452 4.5.3");
    }

    @Test
    void tooManyBadCommandsCloseTheSession() throws Exception {
        h.config = new SmtpConfig(1 << 20, 100, 1000, 10, 100, SmtpConfig.defaults().sessionTimeout(),
                SmtpConfig.defaults().commandTimeout(), SmtpConfig.defaults().dataTimeout(), false, true, true);
        assertReplies(h.mx("BOGUS", "HELO", "EHLO !", "MAIL", "x", "y", "z", "w", "v", "u", "NOOP"),
                "220", "500 5.5.1", "501", "501", "503", "500", "500", "500", "500", "500", "500", "421 4.7.0");
    }

    @Test
    void unknownRecipientsCountAsErrors() throws Exception {
        h.config = new SmtpConfig(1 << 20, 100, 1000, 3, 100, SmtpConfig.defaults().sessionTimeout(),
                SmtpConfig.defaults().commandTimeout(), SmtpConfig.defaults().dataTimeout(), false, true, true);
        assertReplies(h.mx("EHLO c", "MAIL FROM:<a@b.example>", "RCPT TO:<x@test>", "RCPT TO:<y@test>", "RCPT TO:<z@test>", "RCPT TO:<alice@test>"),
                "220", "250", "250", "550", "550", "550", "421 4.7.0");
    }

    @Test
    void acceptedMailStartsTheJunkCountOver() throws Exception {
        h.config = new SmtpConfig(1 << 20, 100, 1000, 10, 2, SmtpConfig.defaults().sessionTimeout(),
                SmtpConfig.defaults().commandTimeout(), SmtpConfig.defaults().dataTimeout(), false, true, true);
        assertReplies(h.mx("EHLO c", "NOOP", "RSET", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@test>", "DATA", "x", ".",
                "RSET", "NOOP", "NOOP"), "220", "250", "250", "250", "250", "250", "354", "250", "250", "250", "250", "421 4.7.0");
    }

    @Test
    void tooManyJunkCommandsCloseTheSession() throws Exception {
        h.config = new SmtpConfig(1 << 20, 100, 1000, 10, 3, SmtpConfig.defaults().sessionTimeout(),
                SmtpConfig.defaults().commandTimeout(), SmtpConfig.defaults().dataTimeout(), false, true, true);
        assertReplies(h.mx("NOOP", "NOOP", "NOOP", "NOOP", "NOOP"), "220", "250", "250", "250", "250", "421 4.7.0");
    }

    @Test
    void unusableLinesCountTowardTheErrorLimit() throws Exception {
        assertReplies(h.run(FakeConnection.mx("NOOP\n".repeat(25))), "220", "500", "500", "500", "500", "500", "500", "500", "500",
                "500", "500", "500", "500", "500", "500", "500", "500", "500", "500", "500", "500", "421 4.7.0");
    }

    @Test
    void longAndBareLfCommandLinesAreRefused() throws Exception {
        assertReplies(h.run(FakeConnection.mx("NOOP " + "x".repeat(2000) + "\r\nNOOP\nNOOP\r\n")),
                "220", "500 5.5.2 Line too long", "500 5.5.2 Command lines must end with CRLF", "250");
    }

    @Test
    void anIdleClientGets421() throws Exception {
        FakeConnection c = FakeConnection.mx("EHLO c\r\n");
        c.timeOutAtEnd = true;
        assertReplies(h.run(c), "220", "250", "421 4.4.2 mx.test Timeout");
    }

    @Test
    void aSessionOverItsTimeLimitGets421() throws Exception {
        h.config = new SmtpConfig(1 << 20, 100, 1000, 10, 100, java.time.Duration.ZERO,
                SmtpConfig.defaults().commandTimeout(), SmtpConfig.defaults().dataTimeout(), false, true, true);
        assertReplies(h.mx("EHLO c"), "220", "421 4.4.2 mx.test Session time limit");
    }

    @Test
    void helpVrfyNoopRsetQuit() throws Exception {
        assertReplies(h.mx("HELP", "VRFY alice@test", "VRFY", "NOOP whatever", "RSET", "RSET x", "QUIT", "NOOP"),
                "220", "214 2.0.0", "252 2.5.2", "501", "250 2.0.0", "250 2.0.0", "501", "221 2.0.0");
    }

    @Test
    void vrfyWhenEnabledSaysWhetherAUserExists() throws Exception {
        h.config = new SmtpConfig(1 << 20, 100, 1000, 10, 100, SmtpConfig.defaults().sessionTimeout(),
                SmtpConfig.defaults().commandTimeout(), SmtpConfig.defaults().dataTimeout(), true, true, true);
        assertReplies(h.mx("VRFY <alice@test>", "VRFY nobody@test", "VRFY x@remote.example"),
                "220", "250 2.1.5 <alice@test>", "550 5.1.1", "252");
    }

    @Test
    void heloSessionsTakeNoParametersAndSayProtocolSmtp() throws Exception {
        assertReplies(h.mx("HELO c", "MAIL FROM:<a@b.example> BODY=8BITMIME", "MAIL FROM:<a@b.example>", "RCPT TO:<alice@test>",
                "DATA", "x", "."), "220", "250 mx.test", "555 5.5.4", "250", "250", "354", "250");
        assertEquals("SMTP", h.server.stored.get(0).envelope().origin().protocol());
    }

    @Test
    void mailParametersAreCheckedAndKept() throws Exception {
        assertReplies(h.mx("EHLO c", "MAIL FROM:<a@b.example> BODY=BINARYMIME", "MAIL FROM:<a@b.example> FOO=1",
                "MAIL FROM:<\u00e4@b.example>", "MAIL FROM:<> RET=HDRS ENVID=abc+2B AUTH=<> SMTPUTF8",
                "RCPT TO:<\u00e4lice@test> ORCPT=rfc822;x+40test", "RCPT TO:<bob@test> NOTIFY=SOMETIMES"),
                "220", "250", "555 5.5.4", "555 5.5.4", "553 5.6.7", "250 2.1.0", "550 5.1.1", "501 5.5.4");
    }
}
