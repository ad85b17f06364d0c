package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** include (RFC 7208 5.2) and redirect (6.1). */
class SpfIncludeRedirectTest {

    private static final String FROM = "alice@example.com";

    /** 5.2's table: the inner result decides whether include matches. */
    @ParameterizedTest
    @CsvSource({
        "'v=spf1 +all', FAIL", "'v=spf1 -all', PASS", "'v=spf1 ~all', PASS", "'v=spf1 ?all', PASS",
        "'v=spf1', PASS", "'v=spf1 foo', PERMERROR", "'v=spf1 a:down.example.org', TEMPERROR",
        "'not spf', PERMERROR",
    })
    void includeMapsTheInnerResult(String inner, SpfResult expected) {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 -include:inner.example.net +all")
                .txt("inner.example.net", inner).fail("down.example.org");
        assertEquals(expected, dns.check("192.0.2.1", FROM).result());
    }

    @Test
    void includeWithoutARecordIsPermerror() {
        SpfVerdict v = new FakeDns().txt("example.com", "v=spf1 include:nothing.example.net -all").check("192.0.2.1", FROM);
        assertEquals(SpfResult.PERMERROR, v.result());
        assertEquals("no SPF record at include target nothing.example.net", v.reason());
    }

    @Test
    void includeEvaluatesWithTheIncludedDomain() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 include:_spf.example.net -all")
                .txt("_spf.example.net", "v=spf1 a -all").a("_spf.example.net", "192.0.2.40").a("example.com", "192.0.2.41");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.40", FROM).result());
        assertEquals(SpfResult.FAIL, dns.check("192.0.2.41", FROM).result());
    }

    @Test
    void includeDnsFailureIsTemperror() {
        SpfVerdict v = new FakeDns().txt("example.com", "v=spf1 include:down.example.net -all").fail("down.example.net")
                .check("192.0.2.1", FROM);
        assertEquals(SpfResult.TEMPERROR, v.result());
        assertTrue(v.reason().contains("down.example.net"), v.reason());
    }

    @Test
    void redirectIsUsedWhenNothingMatched() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 ip4:192.0.2.1 redirect=_spf.example.net")
                .txt("_spf.example.net", "v=spf1 a ~all").a("_spf.example.net", "192.0.2.50");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.1", FROM).result());
        assertEquals(SpfResult.PASS, dns.check("192.0.2.50", FROM).result(), "%{d} and a use the redirect target");
        SpfVerdict v = dns.check("192.0.2.99", FROM);
        assertEquals(SpfResult.SOFTFAIL, v.result());
        assertEquals("example.com", v.domain(), "the verdict names the sender's domain");
    }

    @Test
    void redirectIsIgnoredWithAll() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 redirect=_spf.example.net ?all")
                .txt("_spf.example.net", "v=spf1 -all");
        assertEquals(SpfResult.NEUTRAL, dns.check("192.0.2.1", FROM).result());
        assertEquals(0, dns.count("TXT _spf"));
    }

    @Test
    void redirectToNoRecordIsPermerror() {
        SpfVerdict v = new FakeDns().txt("example.com", "v=spf1 redirect=empty.example.net").check("192.0.2.1", FROM);
        assertEquals(SpfResult.PERMERROR, v.result());
        assertEquals("no SPF record at redirect target empty.example.net", v.reason());
    }

    @Test
    void redirectToAnInvalidNameIsPermerror() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 redirect=%{l}.example.net");
        assertEquals(SpfResult.PERMERROR, dns.check("192.0.2.1", "a..b@example.com").result());
        assertEquals(1, dns.queries.size(), "no query for the invalid name");
    }

    @Test
    void redirectsChain() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 redirect=one.example.net")
                .txt("one.example.net", "v=spf1 redirect=two.example.net").txt("two.example.net", "v=spf1 -all");
        assertEquals(SpfResult.FAIL, dns.check("192.0.2.1", FROM).result());
    }

    @Test
    void modifierOrderDoesNotMatter() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 redirect=_spf.example.net ip4:192.0.2.1")
                .txt("_spf.example.net", "v=spf1 -all");
        assertEquals(SpfResult.PASS, dns.check("192.0.2.1", FROM).result());
        assertEquals(SpfResult.FAIL, dns.check("192.0.2.2", FROM).result());
    }
}
