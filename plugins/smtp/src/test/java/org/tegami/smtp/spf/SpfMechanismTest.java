package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mechanisms of RFC 7208 section 5 and the qualifiers, for IPv4 and IPv6 clients. */
class SpfMechanismTest {

    private static final String FROM = "alice@example.com";

    private static SpfResult result(FakeDns dns, String client) {
        return dns.check(client, FROM).result();
    }

    private static FakeDns record(String spf) {
        return new FakeDns().txt("example.com", spf);
    }

    @ParameterizedTest
    @CsvSource({"+all, PASS", "all, PASS", "-all, FAIL", "~all, SOFTFAIL", "?all, NEUTRAL", "-ALL, FAIL"})
    void qualifiers(String term, SpfResult expected) {
        SpfVerdict v = record("v=spf1 " + term).check("192.0.2.1", FROM);
        assertEquals(expected, v.result());
        assertEquals("matched " + term, v.reason());
        assertEquals("example.com", v.domain());
    }

    @Test
    void firstMatchWinsAndNoMatchIsNeutral() {
        assertEquals(SpfResult.FAIL, result(record("v=spf1 -ip4:192.0.2.1 +all"), "192.0.2.1"));
        assertEquals(SpfResult.PASS, result(record("v=spf1 ip4:192.0.2.1 -all"), "192.0.2.1"));
        SpfVerdict v = record("v=spf1 ip4:192.0.2.1").check("192.0.2.2", FROM);
        assertEquals(SpfResult.NEUTRAL, v.result());
        assertEquals("default result (no mechanism matched)", v.reason());
    }

    @ParameterizedTest
    @CsvSource({
        "ip4:192.0.2.0/24, 192.0.2.200, PASS", "ip4:192.0.2.0/24, 192.0.3.1, FAIL", "ip4:192.0.2.1, 192.0.2.1, PASS",
        "ip4:192.0.2.1, 192.0.2.2, FAIL", "ip4:0.0.0.0/0, 203.0.113.9, PASS", "ip4:0.0.0.0/0, 2001:db8::1, FAIL",
        "ip6:2001:db8::/32, 2001:db8:ffff::1, PASS", "ip6:2001:db8::/32, 2001:db9::1, FAIL",
        "ip6:2001:db8::1, 2001:db8::1, PASS", "ip6:2001:db8::1, 2001:db8::2, FAIL", "ip6:::/0, 192.0.2.1, FAIL",
        "ip4:192.0.2.1, ::ffff:192.0.2.1, PASS",
    })
    void ipNetworks(String term, String client, SpfResult expected) {
        assertEquals(expected, result(record("v=spf1 " + term + " -all"), client));
    }

    @ParameterizedTest
    @CsvSource({
        "a, 192.0.2.10, PASS", "a, 192.0.2.11, FAIL", "a/24, 192.0.2.99, PASS", "a/24, 192.0.3.99, FAIL",
        "a:mail.example.net, 198.51.100.5, PASS", "a:mail.example.net/31, 198.51.100.4, PASS",
        "a:mail.example.net, 198.51.100.4, FAIL", "a, 2001:db8::10, PASS", "a, 2001:db8::11, FAIL",
        "a//64, 2001:db8::ffff, PASS", "a/24//64, 2001:db8:0:1::1, FAIL", "a/24//48, 2001:db8:0:1::1, PASS",
        "a//64, 192.0.2.11, FAIL", "a:mail.example.net, 2001:db8::10, FAIL",
    })
    void aMechanism(String term, String client, SpfResult expected) {
        FakeDns dns = record("v=spf1 " + term + " -all").a("example.com", "192.0.2.10").aaaa("example.com", "2001:db8::10")
                .a("mail.example.net", "198.51.100.5");
        assertEquals(expected, result(dns, client));
    }

    @ParameterizedTest
    @CsvSource({
        "mx, 192.0.2.20, PASS", "mx, 192.0.2.21, PASS", "mx, 192.0.2.22, FAIL", "mx/30, 192.0.2.22, PASS",
        "mx:example.org, 203.0.113.1, PASS", "mx:example.org, 192.0.2.20, FAIL", "mx, 2001:db8::20, PASS",
        "mx//120, 2001:db8::99, PASS", "mx, 2001:db8::99, FAIL",
    })
    void mxMechanism(String term, String client, SpfResult expected) {
        FakeDns dns = record("v=spf1 " + term + " -all").mx("example.com", "mx1.example.com", "mx2.example.com.")
                .a("mx1.example.com", "192.0.2.20").a("mx2.example.com", "192.0.2.21").aaaa("mx2.example.com", "2001:db8::20")
                .mx("example.org", "mx.example.org").a("mx.example.org", "203.0.113.1");
        assertEquals(expected, result(dns, client));
    }

    @Test
    void mxOfNullMxDoesNotMatch() {
        FakeDns dns = record("v=spf1 mx -all").mx("example.com", ".");
        assertEquals(SpfResult.FAIL, result(dns, "192.0.2.1"));
    }

    @ParameterizedTest
    @CsvSource({
        "ptr, 192.0.2.5, PASS", "ptr:example.com, 192.0.2.5, PASS", "ptr:other.example, 192.0.2.5, FAIL",
        "ptr, 192.0.2.6, FAIL", "ptr, 192.0.2.7, FAIL", "ptr, 2001:db8::5, PASS", "ptr, 192.0.2.8, FAIL",
    })
    void ptrMechanism(String term, String client, SpfResult expected) {
        FakeDns dns = record("v=spf1 " + term + " -all")
                .ptr("192.0.2.5", "unrelated.example.org", "host.mail.example.com").a("host.mail.example.com", "192.0.2.5")
                .ptr("192.0.2.6", "forged.example.com").a("forged.example.com", "198.51.100.1")
                .ptr("2001:db8::5", "v6.example.com").aaaa("v6.example.com", "2001:db8::5")
                .ptr("192.0.2.8", "broken.example.com").fail("broken.example.com");
        assertEquals(expected, result(dns, client));
    }

    @Test
    void ptrLookupFailureDoesNotMatch() {
        FakeDns dns = record("v=spf1 ptr -all").fail("192.0.2.5");
        assertEquals(SpfResult.FAIL, result(dns, "192.0.2.5"));
    }

    @Test
    void ptrLooksAtTheFirstTenNamesOnly() {
        FakeDns dns = record("v=spf1 ptr -all");
        for (int i = 0; i < 10; i++) {
            dns.ptr("192.0.2.5", "n" + i + ".example.com");
        }
        dns.ptr("192.0.2.5", "good.example.com").a("good.example.com", "192.0.2.5");
        assertEquals(SpfResult.FAIL, result(dns, "192.0.2.5"));
    }

    @ParameterizedTest
    @CsvSource({"192.0.2.3, PASS", "192.0.2.4, FAIL", "2001:db8::cb01, PASS"})
    void existsUsesAnARecordForEveryClient(String client, SpfResult expected) {
        FakeDns dns = record("v=spf1 exists:%{ir}.%{v}._spf.%{d} -all")
                .a("3.2.0.192.in-addr._spf.example.com", "127.0.0.2")
                .a("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com", "127.0.0.2");
        assertEquals(expected, result(dns, client));
        assertEquals(0, dns.count("AAAA"), "exists always asks for A");
    }

    @Test
    void existsWithTheLocalPart() {
        FakeDns dns = record("v=spf1 exists:%{l}.users.%{d} -all").a("alice.users.example.com", "127.0.0.1");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.1", "alice@example.com").result());
        assertEquals(SpfResult.FAIL, dns.check("192.0.2.1", "bob@example.com").result());
    }

    @Test
    void dnsFailureInAMechanismIsTemperror() {
        SpfVerdict v = record("v=spf1 a:down.example.net -all").fail("down.example.net").check("192.0.2.1", FROM);
        assertEquals(SpfResult.TEMPERROR, v.result());
        assertEquals("DNS failure for down.example.net: timed out", v.reason());
        assertEquals(SpfResult.TEMPERROR, result(record("v=spf1 mx -all").mx("example.com", "mx.example.com")
                .fail("mx.example.com"), "192.0.2.1"));
        assertEquals(SpfResult.TEMPERROR, result(record("v=spf1 exists:x.example.net -all").fail("x.example.net"), "192.0.2.1"));
    }

    @Test
    void mechanismsAfterAMatchAreNotEvaluated() {
        FakeDns dns = record("v=spf1 ip4:192.0.2.1 a:down.example.net -all").fail("down.example.net");
        assertEquals(SpfResult.PASS, result(dns, "192.0.2.1"));
        assertEquals(1, dns.queries.size());
    }
}
