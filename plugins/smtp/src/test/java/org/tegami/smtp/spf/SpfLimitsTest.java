package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The processing limits of RFC 7208 4.6.4. */
class SpfLimitsTest {

    private static final String FROM = "alice@example.com";

    /** A record with {@code n} a mechanisms, each on a name that has an A record that does not match. */
    private static FakeDns lookups(int n) {
        StringBuilder spf = new StringBuilder("v=spf1");
        FakeDns dns = new FakeDns();
        for (int i = 0; i < n; i++) {
            spf.append(" a:h").append(i).append(".example.com");
            dns.a("h" + i + ".example.com", "198.51.100." + i);
        }
        return dns.txt("example.com", spf.append(" ip4:192.0.2.1 -all").toString());
    }

    @Test
    void tenDnsTermsAreAllowed() {
        assertEquals(SpfResult.PASS, lookups(10).check("192.0.2.1", FROM).result());
    }

    @Test
    void theEleventhDnsTermIsPermerror() {
        SpfVerdict v = lookups(11).check("192.0.2.1", FROM);
        assertEquals(SpfResult.PERMERROR, v.result());
        assertEquals("more than 10 DNS lookups", v.reason());
    }

    @Test
    void ipAndAllDoNotCount() {
        StringBuilder spf = new StringBuilder("v=spf1");
        for (int i = 0; i < 30; i++) {
            spf.append(" ip4:198.51.100.").append(i);
        }
        FakeDns dns = new FakeDns().txt("example.com", spf.append(" -all").toString());
        assertEquals(SpfResult.FAIL, dns.check("192.0.2.1", FROM).result());
    }

    /** include 2 + their a 4 + redirect 1 + the target's a {@code last}. */
    private static FakeDns nested(int last) {
        StringBuilder target = new StringBuilder("v=spf1");
        for (int i = 0; i < last; i++) {
            target.append(" a:r").append(i).append(".example.com");
        }
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 include:i1.example.com include:i2.example.com redirect=r.example.com")
                .txt("i1.example.com", "v=spf1 a:h1.example.com a:h2.example.com ?all")
                .txt("i2.example.com", "v=spf1 a:h3.example.com a:h4.example.com ?all")
                .txt("r.example.com", target.append(" ip4:192.0.2.1 -all").toString());
        for (int i = 0; i < 5; i++) {
            dns.a("h" + i + ".example.com", "198.51.100." + i).a("r" + i + ".example.com", "198.51.100.1" + i);
        }
        return dns;
    }

    @Test
    void includesAndRedirectsCountAcrossTheWholeEvaluation() {
        assertEquals(SpfResult.PASS, nested(3).check("192.0.2.1", FROM).result(), "10 lookups");
        SpfVerdict v = nested(4).check("192.0.2.1", FROM);
        assertEquals(SpfResult.PERMERROR, v.result(), "11 lookups");
        assertEquals("more than 10 DNS lookups", v.reason());
    }

    @Test
    void anIncludeLoopEndsAtTheLookupLimit() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 include:example.com -all");
        SpfVerdict v = dns.check("192.0.2.1", FROM);
        assertEquals(SpfResult.PERMERROR, v.result());
        assertEquals("more than 10 DNS lookups", v.reason());
        assertEquals(11, dns.count("TXT"));
    }

    @Test
    void aRedirectLoopEndsAtTheLookupLimit() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 redirect=other.example.com")
                .txt("other.example.com", "v=spf1 redirect=example.com");
        assertEquals(SpfResult.PERMERROR, dns.check("192.0.2.1", FROM).result());
    }

    @Test
    void twoVoidLookupsAreAllowed() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 a:none1.example.com mx:none2.example.com ip4:192.0.2.1 -all");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.1", FROM).result());
    }

    @Test
    void theThirdVoidLookupIsPermerror() {
        SpfVerdict v = new FakeDns()
                .txt("example.com", "v=spf1 a:none1.example.com exists:none2.example.com ptr ip4:192.0.2.1 -all")
                .check("192.0.2.1", FROM);
        assertEquals(SpfResult.PERMERROR, v.result());
        assertEquals("more than 2 void lookups", v.reason());
    }

    @Test
    void tenMxNamesAreAllowedAndElevenArePermerror() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 mx -all");
        for (int i = 0; i < 10; i++) {
            dns.mx("example.com", "mx" + i + ".example.com").a("mx" + i + ".example.com", "192.0.2." + i);
        }
        assertEquals(SpfResult.PASS, dns.check("192.0.2.9", FROM).result());
        dns.mx("example.com", "mx10.example.com");
        SpfVerdict v = dns.check("192.0.2.9", FROM);
        assertEquals(SpfResult.PERMERROR, v.result());
        assertEquals("more than 10 MX names for example.com", v.reason());
    }

    @Test
    void ptrMacroCountsAsALookup() {
        StringBuilder spf = new StringBuilder("v=spf1 exists:%{p}.example.org");
        FakeDns dns = new FakeDns();
        for (int i = 0; i < 9; i++) {
            spf.append(" a:h").append(i).append(".example.com");
            dns.a("h" + i + ".example.com", "198.51.100." + i);
        }
        dns.txt("example.com", spf.append(" -all").toString());
        assertEquals(SpfResult.PERMERROR, dns.check("192.0.2.1", FROM).result(), "exists, %{p} and 9 a are 11");
    }
}
