package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.smtp.fake.TestDnsServer;
import org.tegami.testing.TestServer;
import org.xbill.DNS.Type;

/**
 * DNS blocklists ({@code smtp.dnsbl}, RFC 5782) over the wire, against a DNS server of our own
 * that lists 127.0.0.1 in {@code bl.test}: a listed client is refused at MAIL FROM with the
 * list's text, error answers and silent lists let mail through, the lookup is made once per
 * session, and who is not looked up (loopback by default, logged-in clients).
 */
class BlocklistIT {

    private static final String CLIENT = "1.0.0.127.";

    private static TestDnsServer dns;

    @BeforeAll
    static void start() throws Exception {
        dns = new TestDnsServer()
                .a(CLIENT + "bl.test", "127.0.0.2")
                .txt(CLIENT + "bl.test", "Listed: see https://bl.test/query/127.0.0.1")
                .a(CLIENT + "notext.test", "127.0.0.4")
                .a(CLIENT + "refusing.test", "127.255.255.254")
                .a(CLIENT + "parked.test", "192.0.2.80")
                .failWith(CLIENT + "broken.test")
                .txt("pass.test", "v=spf1 ip4:127.0.0.1 -all");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static TestServer server(String zones, String... more) throws Exception {
        String[] all = new String[6 + more.length];
        System.arraycopy(new String[] {"dns.resolver", dns.address(), "smtp.check-exempt", "", "smtp.dnsbl", zones},
                0, all, 0, 6);
        System.arraycopy(more, 0, all, 6, more.length);
        return WireServers.start(true, all);
    }

    @Test
    void aListedClientIsRefusedWithTheListsText() throws Exception {
        try (TestServer server = server("quiet.test, bl.test")) {
            new TranscriptRunner(server::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO client.example", "M: 250 .*",
                    "C: MAIL FROM:<someone@pass.test>",
                    "S: 554 5\\.7\\.1 Service unavailable; client \\[127\\.0\\.0\\.1\\] blocked using bl\\.test; "
                            + "Listed: see https://bl\\.test/query/127\\.0\\.0\\.1",
                    "C: MAIL FROM:<>", "S: 554 5\\.7\\.1 .*blocked using bl\\.test.*",
                    "C: QUIT", "S: 221 .*"), "listed");
            assertEquals(1, dns.queryCount(CLIENT + "bl.test", Type.A), "one lookup per session");
            assertEquals(1, dns.queryCount(CLIENT + "quiet.test", Type.A));
        }
    }

    @Test
    void listedClientsAreCountedOnTheMetricsEndpoint() throws Exception {
        try (TestServer server = server("bl.test", "metrics.listen", "127.0.0.1:0")) {
            for (int session = 0; session < 2; session++) {
                new TranscriptRunner(server::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO client.example",
                        "M: 250 .*", "C: MAIL FROM:<a@pass.test>", "S: 554 .*", "C: QUIT", "S: 221 .*"), "counted");
            }
            String text = Scrape.metrics(server);
            assertTrue(text.contains("tegami_smtp_dnsbl_listed_total{zone=\"bl.test\"} 2\n"), text);
        }
    }

    @Test
    void aListingWithoutTextIsRefusedToo() throws Exception {
        try (TestServer server = server("notext.test")) {
            new TranscriptRunner(server::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO client.example", "M: 250 .*",
                    "C: MAIL FROM:<someone@pass.test>",
                    "S: 554 5\\.7\\.1 Service unavailable; client \\[127\\.0\\.0\\.1\\] blocked using notext\\.test",
                    "C: QUIT", "S: 221 .*"), "no text");
        }
    }

    @Test
    void errorCodesForeignAnswersAndBrokenListsLetMailThrough() throws Exception {
        try (TestServer server = server("refusing.test, parked.test, broken.test")) {
            accepted(server, "through");
            assertTrue(Mailboxes.delivered(server, "alice@test", "through").contains("spf=pass"));
        }
    }

    @Test
    void loopbackClientsAreNotLookedUpByDefault() throws Exception {
        try (TestServer server = WireServers.start(true, "dns.resolver", dns.address(), "smtp.dnsbl", "bl.test")) {
            int before = dns.queryCount(CLIENT + "bl.test", Type.A);
            accepted(server, "from loopback");
            assertEquals(before, dns.queryCount(CLIENT + "bl.test", Type.A));
        }
    }

    @Test
    void aLoggedInClientIsNotLookedUp() throws Exception {
        try (TestServer server = server("bl.test")) {
            String plain = Base64.getEncoder().encodeToString("\0alice@test\0secret".getBytes(StandardCharsets.UTF_8));
            new TranscriptRunner(server::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO client.example", "M: 250 .*",
                    "C: AUTH PLAIN " + plain, "S: 235 .*",
                    "C: MAIL FROM:<alice@test>", "S: 250 2\\.1\\.0 Ok", "C: QUIT", "S: 221 .*"), "logged in");
        }
    }

    @Test
    void aZoneThatIsNoDomainStopsTheStart() {
        Exception e = assertThrows(Exception.class, () -> server("bl test").close());
        assertTrue(e.getMessage().contains("smtp.dnsbl: not a DNS zone: 'bl test'"), e.getMessage());
    }

    private static void accepted(TestServer server, String subject) throws Exception {
        new TranscriptRunner(server::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO client.example", "M: 250 .*",
                "C: MAIL FROM:<someone@pass.test>", "S: 250 2\\.1\\.0 Ok", "C: RCPT TO:<alice@test>", "S: 250 .*",
                "C: DATA", "S: 354 .*", "C: Subject: " + subject, "C: ", "C: hello", "C: .", "S: 250 .*",
                "C: QUIT", "S: 221 .*"), subject);
    }
}
