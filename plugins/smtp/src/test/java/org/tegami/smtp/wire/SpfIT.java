package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tegami.smtp.fake.TestDnsServer;
import org.tegami.testing.TestServer;

/**
 * SPF checks of mail from other servers (RFC 7208) over the wire, against a DNS server of our
 * own: the {@code Authentication-Results:} header for each result, the refusal of {@code fail}
 * at MAIL FROM, the null sender's HELO check, and who is not checked (loopback by default,
 * authenticated clients). The test clients come from 127.0.0.1, so the checking servers clear
 * {@code smtp.check-exempt}.
 */
class SpfIT {

    private static final Pattern AUTH_RESULTS = Pattern.compile(
            "(?m)^Authentication-Results: ([^;]+);\r?\n\tspf=([a-z]+) \\(([^)]*)\\) (smtp\\.[a-z]+=\\S+)\r?$");

    private static TestDnsServer dns;
    private static TestServer rejecting;
    private static TestServer recording;

    @BeforeAll
    static void start() throws Exception {
        dns = new TestDnsServer()
                .txt("pass.test", "v=spf1 ip4:127.0.0.0/8 -all")
                .txt("fail.test", "v=spf1 ip4:192.0.2.0/24 -all exp=why.fail.test")
                .txt("why.fail.test", "Mail from %{d} comes only from its own servers, not %{i}")
                .txt("soft.test", "v=spf1 ~all")
                .txt("neutral.test", "v=spf1 ?all")
                .txt("broken.test", "v=spf1 ip4:300.1.2.3 -all")
                .a("none.test", "192.0.2.1")
                .failWith("servfail.test")
                .txt("mx.pass.test", "v=spf1 a -all")
                .a("mx.pass.test", "127.0.0.1")
                .txt("mx.fail.test", "v=spf1 -all");
        rejecting = server("smtp.spf", "reject-fail");
        recording = server("smtp.spf", "record");
    }

    @AfterAll
    static void stop() {
        rejecting.close();
        recording.close();
        dns.close();
    }

    private static TestServer server(String... config) throws Exception {
        String[] all = new String[config.length + 6];
        System.arraycopy(new String[] {"dns.resolver", dns.address(), "smtp.check-exempt", "",
            "smtp.sender-must-match-login", "false"}, 0, all, 0, 6);
        System.arraycopy(config, 0, all, 6, config.length);
        return WireServers.start(true, all);
    }

    @ParameterizedTest(name = "MAIL FROM:<{0}> gives spf={1}")
    @CsvSource({
        "someone@pass.test, pass, matched ip4:127.0.0.0/8",
        "someone@soft.test, softfail, ",
        "someone@neutral.test, neutral, ",
        "someone@none.test, none, ",
        "someone@broken.test, permerror, ",
        "someone@servfail.test, temperror, servfail.test",
    })
    void eachResultIsRecordedInTheHeader(String sender, String result, String reasonPart) throws Exception {
        String subject = "spf " + result;
        mail(rejecting, "client.example", sender, subject, "250 .*");
        Matcher header = header(Mailboxes.delivered(rejecting, "alice@test", subject));
        assertEquals(result, header.group(2));
        assertEquals("smtp.mailfrom=" + sender, header.group(4));
        if (reasonPart != null) {
            assertTrue(header.group(3).contains(reasonPart), header.group(3));
        }
    }

    @Test
    void theHeaderNamesThisServerAndSitsUnderItsReceivedLine() throws Exception {
        mail(rejecting, "client.example", "a@pass.test", "placement", "250 .*");
        String text = Mailboxes.delivered(rejecting, "alice@test", "placement");
        String name = header(text).group(1);
        int received = text.indexOf("Received: from client.example");
        int results = text.indexOf("Authentication-Results: " + name + ";");
        assertTrue(received >= 0 && results > received, text);
        assertTrue(text.substring(received, results).contains("by " + name + " "), text);
        assertEquals(1, countOf(text, "Authentication-Results:"), text);
    }

    @Test
    void aResultForgedInOurNameIsRemovedAndOthersStay() throws Exception {
        mail(recording, "client.example", "a@pass.test", "name probe", "250 .*");
        String name = header(Mailboxes.delivered(recording, "alice@test", "name probe")).group(1);
        mail(recording, "client.example", "someone@fail.test", "forged result", "250 .*",
                "Authentication-Results: " + name + "; spf=pass smtp.mailfrom=someone@fail.test",
                "Authentication-Results: other.example;", "\tdkim=pass header.d=fail.test",
                "Authentication-Results: (we checked) " + name.toUpperCase(java.util.Locale.ROOT) + ";", " spf=pass");
        String text = Mailboxes.delivered(recording, "alice@test", "forged result");
        assertEquals(2, countOf(text, "Authentication-Results:"), text);
        assertEquals("fail", header(text).group(2));
        assertTrue(text.contains("Authentication-Results: other.example;\n\tdkim=pass header.d=fail.test\n")
                || text.contains("Authentication-Results: other.example;\r\n\tdkim=pass header.d=fail.test\r\n"), text);
    }

    @Test
    void failIsRefusedAtMailFromWithTheDomainsExplanationAndTheSessionGoesOn() throws Exception {
        new TranscriptRunner(rejecting::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO client.example", "M: 250 .*",
                "C: MAIL FROM:<someone@fail.test>",
                "S: 550 5\\.7\\.23 SPF: fail\\.test does not allow 127\\.0\\.0\\.1 to send its mail "
                        + "\\(.*Mail from fail\\.test comes only from its own servers, not 127\\.0\\.0\\.1.*\\)",
                "C: RCPT TO:<alice@test>", "S: 503 .*",
                "C: MAIL FROM:<someone@pass.test>", "S: 250 2\\.1\\.0 Ok",
                "C: RCPT TO:<alice@test>", "S: 250 .*", "C: QUIT", "S: 221 .*"), "fail");
    }

    @Test
    void aHeloNameThatFailsIsRefusedWhateverTheSender() throws Exception {
        new TranscriptRunner(rejecting::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO mx.fail.test", "M: 250 .*",
                "C: MAIL FROM:<someone@pass.test>",
                "S: 550 5\\.7\\.23 SPF: HELO name mx\\.fail\\.test does not allow 127\\.0\\.0\\.1 to send mail .*",
                "C: EHLO mx.pass.test", "M: 250 .*",
                "C: MAIL FROM:<someone@pass.test>", "S: 250 2\\.1\\.0 Ok", "C: QUIT", "S: 221 .*"), "helo fail");
        mail(recording, "mx.fail.test", "someone@pass.test", "helo fail recorded", "250 .*");
        assertEquals("pass", header(Mailboxes.delivered(recording, "alice@test", "helo fail recorded")).group(2));
    }

    @Test
    void inRecordModeFailIsAcceptedAndMarked() throws Exception {
        mail(recording, "client.example", "someone@fail.test", "recorded fail", "250 .*");
        assertEquals("fail", header(Mailboxes.delivered(recording, "alice@test", "recorded fail")).group(2));
    }

    @Test
    void theNullSenderIsCheckedByItsHeloName() throws Exception {
        mail(rejecting, "mx.pass.test", "", "bounce", "250 .*");
        Matcher header = header(Mailboxes.delivered(rejecting, "alice@test", "bounce"));
        assertEquals("pass", header.group(2));
        assertEquals("smtp.helo=mx.pass.test", header.group(4));
        new TranscriptRunner(rejecting::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO mx.fail.test", "M: 250 .*",
                "C: MAIL FROM:<>", "S: 550 5\\.7\\.23 SPF: mx\\.fail\\.test does not allow .*", "C: QUIT", "S: 221 .*"),
                "null sender");
    }

    @Test
    void angusIsRefusedAForgedSenderButAnAuthenticatedUserIsNotChecked() throws Exception {
        MessagingException refused = assertThrows(MessagingException.class,
                () -> Transport.send(message(angus(false), "someone@fail.test", "forged")));
        SMTPSenderFailedException smtp = SmtpFailures.find(refused, SMTPSenderFailedException.class);
        assertEquals(550, smtp.getReturnCode());
        assertTrue(smtp.getMessage().contains("5.7.23 SPF: fail.test does not allow"), smtp.getMessage());

        Transport.send(message(angus(true), "someone@fail.test", "logged in"), "alice@test", "secret");
        String text = Mailboxes.delivered(rejecting, "alice@test", "logged in");
        assertFalse(text.contains("Authentication-Results:"), text);
    }

    @Test
    void loopbackClientsAreNotCheckedByDefault() throws Exception {
        try (TestServer defaults = WireServers.start(true, "dns.resolver", dns.address())) {
            int before = dns.queries().size();
            mail(defaults, "client.example", "someone@fail.test", "from loopback", "250 .*");
            String text = Mailboxes.delivered(defaults, "alice@test", "from loopback");
            assertFalse(text.contains("Authentication-Results:"), text);
            assertEquals(before, dns.queries().size(), "no DNS query for an exempt client");
        }
    }

    @Test
    void resultsAreCountedOnTheMetricsEndpoint() throws Exception {
        try (TestServer counting = server("metrics.listen", "127.0.0.1:0")) {
            mail(counting, "client.example", "a@pass.test", "counted", "250 .*");
            new TranscriptRunner(counting::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO client.example",
                    "M: 250 .*", "C: MAIL FROM:<b@fail.test>", "S: 550 .*", "C: MAIL FROM:<c@fail.test>", "S: 550 .*",
                    "C: QUIT", "S: 221 .*"), "counted fails");
            String text = Scrape.metrics(counting);
            assertTrue(text.contains("tegami_smtp_spf_results_total{identity=\"mailfrom\",result=\"pass\"} 1\n"), text);
            assertTrue(text.contains("tegami_smtp_spf_results_total{identity=\"mailfrom\",result=\"fail\"} 2\n"), text);
            // client.example has no record; the HELO name is checked once per session
            assertTrue(text.contains("tegami_smtp_spf_results_total{identity=\"helo\",result=\"none\"} 2\n"), text);
        }
    }

    @Test
    void offChecksNothing() throws Exception {
        try (TestServer off = server("smtp.spf", "off")) {
            mail(off, "client.example", "someone@fail.test", "spf off", "250 .*");
            assertFalse(Mailboxes.delivered(off, "alice@test", "spf off").contains("Authentication-Results:"));
        }
    }

    @Test
    void badSettingsStopTheStart() {
        Exception mode = assertThrows(Exception.class, () -> server("smtp.spf", "strict").close());
        assertTrue(mode.getMessage().contains("smtp.spf: must be off, record or reject-fail"), mode.getMessage());
        Exception block = assertThrows(Exception.class,
                () -> WireServers.start(true, "smtp.check-exempt", "10.0.0.0/33").close());
        assertTrue(block.getMessage().contains("smtp.check-exempt: bad prefix length in 10.0.0.0/33"), block.getMessage());
    }

    /** One message over the MX listener, unauthenticated; {@code accept} is the final reply. */
    private static void mail(TestServer server, String helo, String sender, String subject, String accept,
            String... headerLines) throws Exception {
        List<String> script = new ArrayList<>(List.of("L: smtp", "S: 220 .*", "C: EHLO " + helo, "M: 250 .*",
                "C: MAIL FROM:<" + sender + ">", "S: 250 2\\.1\\.0 Ok", "C: RCPT TO:<alice@test>", "S: 250 .*",
                "C: DATA", "S: 354 .*"));
        for (String line : headerLines) {
            script.add("C: " + line);
        }
        script.addAll(List.of("C: Subject: " + subject, "C: ", "C: hello", "C: .", "S: " + accept,
                "C: QUIT", "S: 221 .*"));
        new TranscriptRunner(server::port).run(script, subject);
    }

    private static Matcher header(String message) {
        Matcher m = AUTH_RESULTS.matcher(message);
        assertTrue(m.find(), "no Authentication-Results header in:\n" + message);
        return m;
    }

    private static int countOf(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** Angus Mail on the MX listener; logged in or not. */
    private static Session angus(boolean auth) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(rejecting.port("smtp")));
        p.put("mail.smtp.auth", Boolean.toString(auth));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session session, String from, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@test"));
        m.setSubject(subject);
        m.setText("Hello.\n");
        return m;
    }
}
