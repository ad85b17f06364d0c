package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The exp= modifier (RFC 7208 6.2). */
class SpfExplanationTest {

    private static final String FROM = "alice@example.com";

    private static FakeDns withExp(String explanation) {
        return new FakeDns().txt("example.com", "v=spf1 ip4:192.0.2.1 -all exp=explain._spf.%{d}")
                .txt("explain._spf.example.com", explanation);
    }

    @Test
    void failCarriesTheExpandedExplanation() {
        SpfVerdict v = withExp("%{c} is not one of %{d}'s designated mail servers (%{r}, %{t})").check("192.0.2.9", FROM);
        assertEquals(SpfResult.FAIL, v.result());
        assertEquals("192.0.2.9 is not one of example.com's designated mail servers (mx.example.net, 1700000000)", v.reason());
    }

    @Test
    void onlyFailLooksUpTheExplanation() {
        FakeDns dns = withExp("no");
        assertEquals("matched ip4:192.0.2.1", dns.check("192.0.2.1", FROM).reason());
        assertEquals(0, dns.count("TXT explain"));
    }

    @Test
    void problemsMeanNoExplanation() {
        assertEquals("matched -all", withExp("bad %{x} macro").check("192.0.2.9", FROM).reason());
        assertEquals("matched -all", withExp("one").txt("explain._spf.example.com", "two").check("192.0.2.9", FROM).reason());
        assertEquals("matched -all", new FakeDns().txt("example.com", "v=spf1 -all exp=explain.example.com")
                .check("192.0.2.9", FROM).reason());
        assertEquals("matched -all", new FakeDns().txt("example.com", "v=spf1 -all exp=explain.example.com")
                .fail("explain.example.com").check("192.0.2.9", FROM).reason());
        assertEquals("matched -all", new FakeDns().txt("example.com", "v=spf1 -all exp=%{l}.example.com")
                .check("192.0.2.9", "a..b@example.com").reason());
    }

    @Test
    void explanationIsMadePrintable() {
        SpfVerdict v = withExp("%{l} " + "z".repeat(300)).check("192.0.2.9", "caf\u00e9\r\nX-Injected:yes@example.com");
        assertEquals(SpfResult.FAIL, v.result());
        assertEquals(200, v.reason().length());
        assertEquals("caf???X-Injected:yes zz", v.reason().substring(0, 23));
        assertEquals("matched -all", withExp("caf\u00e9 is not ASCII").check("192.0.2.9", FROM).reason(),
                "a syntax error in the explain-string");
    }

    @Test
    void explanationDoesNotCountAsALookup() {
        StringBuilder spf = new StringBuilder("v=spf1");
        FakeDns dns = new FakeDns();
        for (int i = 0; i < 10; i++) {
            spf.append(" a:h").append(i).append(".example.com");
            dns.a("h" + i + ".example.com", "198.51.100." + i);
        }
        dns.txt("example.com", spf.append(" -all exp=e.example.com").toString()).txt("e.example.com", "go away");
        assertEquals("go away", dns.check("192.0.2.9", FROM).reason());
    }

    @Test
    void includedRecordsExplanationIsNotUsed() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 include:inner.example.net -all")
                .txt("inner.example.net", "v=spf1 -all exp=e.example.net").txt("e.example.net", "inner says no");
        assertEquals("matched -all", dns.check("192.0.2.9", FROM).reason());
        assertEquals(0, dns.count("TXT e.example.net"));
    }

    @Test
    void redirectUsesTheTargetsExplanationOnly() {
        FakeDns dns = new FakeDns().txt("example.com", "v=spf1 redirect=_spf.example.net exp=outer.example.com")
                .txt("outer.example.com", "outer").txt("_spf.example.net", "v=spf1 -all exp=inner.example.net")
                .txt("inner.example.net", "inner for %{d} and %{o}");
        assertEquals("inner for _spf.example.net and example.com", dns.check("192.0.2.9", FROM).reason());
        FakeDns noExp = new FakeDns().txt("example.com", "v=spf1 redirect=_spf.example.net exp=outer.example.com")
                .txt("outer.example.com", "outer").txt("_spf.example.net", "v=spf1 -all");
        assertEquals("matched -all", noExp.check("192.0.2.9", FROM).reason());
    }
}
