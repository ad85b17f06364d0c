package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checker's inputs (RFC 7208 2.4, 4.3), record lookup and selection (4.4, 4.5). */
class SpfCheckerTest {

    private static final String PASS_ALL = "v=spf1 ip4:192.0.2.1 -all";

    @Test
    void noRecordIsNone() {
        FakeDns dns = new FakeDns().txt("example.com", "google-site-verification=abc", "v=spf10 -all");
        SpfVerdict v = dns.check("192.0.2.1", "alice@example.com");
        assertEquals(new SpfVerdict(SpfResult.NONE, "example.com", "no SPF record for example.com"), v);
    }

    @Test
    void oneRecordAmongOtherTxtRecordsIsUsed() {
        FakeDns dns = new FakeDns().txt("example.com", "other text", "V=SPF1 ip4:192.0.2.1 -all", "spf2.0/pra +all");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.1", "alice@example.com").result());
    }

    @Test
    void twoRecordsArePermerror() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 -all", "v=spf1 +all");
        SpfVerdict v = dns.check("192.0.2.1", "alice@example.com");
        assertEquals(SpfResult.PERMERROR, v.result());
        assertEquals("more than one SPF record for example.com", v.reason());
    }

    @Test
    void syntaxErrorIsPermerrorNamingTheProblem() {
        SpfVerdict v = new FakeDns().txt("example.com", "v=spf1 ip4:192.0.2.1 frob -all").check("192.0.2.1", "a@example.com");
        assertEquals(SpfResult.PERMERROR, v.result());
        assertEquals("syntax error in record of example.com: unknown mechanism in 'frob'", v.reason());
    }

    @Test
    void syntaxIsCheckedBeforeEvaluation() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 ip4:192.0.2.1 ip4:192.0.2.300");
        assertEquals(SpfResult.PERMERROR, dns.check("192.0.2.1", "a@example.com").result());
    }

    @Test
    void txtFailureIsTemperror() {
        SpfVerdict v = new FakeDns().fail("example.com").check("192.0.2.1", "alice@example.com");
        assertEquals(new SpfVerdict(SpfResult.TEMPERROR, "example.com", "DNS failure for example.com: timed out"), v);
    }

    @Test
    void nullSenderChecksPostmasterAtTheHeloName() {
        FakeDns dns = new FakeDns().txt("helo.example.org", "v=spf1 exists:%{l}.%{o}.x.example -all")
                .a("postmaster.helo.example.org.x.example", "127.0.0.1");
        SpfVerdict v = dns.check("192.0.2.1", "");
        assertEquals(SpfResult.PASS, v.result());
        assertEquals("helo.example.org", v.domain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.com", "example.com"})
    void missingLocalPartIsPostmaster(String from) {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 exists:%{s}.x.example -all")
                .a("postmaster@example.com.x.example", "127.0.0.1");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.1", from).result());
    }

    @Test
    void localPartMayContainAnAt() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 exists:%{l}.x.example -all").a("\"a@b\".x.example", "127.0.0.1");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.1", "\"a@b\"@example.com").result());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@", "alice@localhost", "alice@.example.com", "alice@example..com", "alice@-",
        "@", "alice@exa mple.com", "alice@[192.0.2.1]x", "a@b.\u0001.com", "\u0000", "alice@..",
        "alice@x.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"})
    void invalidDomainsAreNoneWithoutDns(String from) {
        FakeDns dns = new FakeDns();
        SpfVerdict v = dns.check("192.0.2.1", from);
        assertEquals(SpfResult.NONE, v.result());
        assertEquals("", v.domain());
        assertTrue(dns.queries.isEmpty(), dns.queries.toString());
    }

    @Test
    void tooLongDomainIsNone() {
        String name = "a.".repeat(127) + "com";
        FakeDns dns = new FakeDns();
        assertEquals(SpfResult.NONE, dns.check("192.0.2.1", "x@" + name).result());
        assertTrue(dns.queries.isEmpty());
    }

    @Test
    void domainIsCaseInsensitiveAndMayEndInADot() {
        FakeDns dns = new FakeDns().txt("example.com", PASS_ALL);
        SpfVerdict v = dns.check("192.0.2.1", "Alice@EXAMPLE.com.");
        assertEquals(SpfResult.PASS, v.result());
        assertEquals("example.com", v.domain());
    }

    @Test
    void internationalisedDomainIsCheckedAsALabel() {
        FakeDns dns = new FakeDns().txt("xn--bcher-kva.example", PASS_ALL);
        assertEquals(SpfResult.PASS, dns.check("192.0.2.1", "j\u00f6rg@b\u00fccher.example").result());
    }

    @Test
    void mappedClientAddressCountsAsIpv4() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = (byte) 192;
        mapped[14] = 2;
        mapped[15] = 1;
        InetAddress client = java.net.Inet6Address.getByAddress(null, mapped, -1);
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 ptr ip4:192.0.2.1 -all");
        SpfVerdict v = new SpfChecker(dns).check(client, "a@example.com", "h.example", "r.example");
        assertEquals(SpfResult.PASS, v.result());
        assertTrue(dns.queries.contains("PTR 192.0.2.1"), dns.queries.toString());
    }

    @Test
    void nullArgumentsGiveAVerdict() {
        FakeDns dns = new FakeDns().txt("example.com", PASS_ALL);
        assertEquals(SpfResult.NONE, new SpfChecker(dns).check(null, "a@example.com", null, null).result());
        assertEquals(SpfResult.NONE, new SpfChecker(dns).check(FakeDns.literal("192.0.2.1"), null, null, null).result());
        assertThrows(NullPointerException.class, () -> new SpfChecker(null));
    }

    @Test
    void aDnsLayerThatThrowsGivesTemperror() {
        SpfDns broken = new SpfDns() {
            @Override
            public List<String> txt(String name) {
                throw new IllegalStateException("resolver closed");
            }

            @Override
            public List<InetAddress> addresses(String name, boolean ipv6) {
                return List.of();
            }

            @Override
            public List<String> mx(String name) {
                return List.of();
            }

            @Override
            public List<String> ptr(InetAddress address) {
                return List.of();
            }
        };
        SpfVerdict v = new SpfChecker(broken).check(FakeDns.literal("192.0.2.1"), "a@example.com", "h", "r");
        assertEquals(SpfResult.TEMPERROR, v.result());
        assertEquals(SpfChecker.INTERNAL_ERROR, v.reason());
    }

    @Test
    void reasonsArePrintableAndShort() {
        String record = "v=spf1 -ip4:192.0.2.1" + " unknown=" + "x".repeat(500);
        SpfVerdict v = new FakeDns().txt("example.com", record).check("192.0.2.1", "a@example.com");
        assertEquals(SpfResult.FAIL, v.result());
        FakeDns weird = new FakeDns().txt("example.com", "v=spf1 a:bad\u0007\u00e9" + "y".repeat(400) + ".example.com");
        SpfVerdict w = weird.check("192.0.2.1", "a@example.com");
        assertEquals(SpfResult.PERMERROR, w.result());
        assertTrue(w.reason().length() <= 200 && w.reason().chars().allMatch(c -> c >= 0x20 && c < 0x7F), w.reason());
    }

    @Test
    void ptrMacroIsAValidatedNamePreferringTheDomain() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 exists:%{p}.allowed.example.net -all")
                .ptr("192.0.2.5", "other.example.org", "mail.example.com", "fake.example.com")
                .a("other.example.org", "192.0.2.5").a("mail.example.com", "192.0.2.5").a("fake.example.com", "198.51.100.1")
                .a("mail.example.com.allowed.example.net", "127.0.0.1")
                .a("unknown.allowed.example.net", "127.0.0.1");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.5", "a@example.com").result());
        assertTrue(dns.queries.contains("A mail.example.com.allowed.example.net"), dns.queries.toString());
        FakeDns none = new FakeDns().txt("example.com", "v=spf1 exists:%{p}.allowed.example.net -all")
                .ptr("192.0.2.6", "fake.example.com").a("fake.example.com", "198.51.100.1");
        none.check("192.0.2.6", "a@example.com");
        assertTrue(none.queries.contains("A unknown.allowed.example.net"), none.queries.toString());
    }
}
