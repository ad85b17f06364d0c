package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7208 4.5 record selection and the section 12 ABNF. */
class SpfRecordParserTest {

    @Test
    void recognisesTheVersionCaseInsensitively() {
        assertTrue(SpfRecordParser.isSpfRecord("v=spf1"));
        assertTrue(SpfRecordParser.isSpfRecord("V=SPF1 -all"));
        assertFalse(SpfRecordParser.isSpfRecord("v=spf10 -all"));
        assertFalse(SpfRecordParser.isSpfRecord("v=spf1-all"));
        assertFalse(SpfRecordParser.isSpfRecord(" v=spf1 -all"));
        assertFalse(SpfRecordParser.isSpfRecord("spf2.0/pra -all"));
        assertFalse(SpfRecordParser.isSpfRecord(null));
    }

    @Test
    void parsesQualifiersAndMechanismsInOrder() throws SpfException {
        SpfRecord r = SpfRecordParser.parse("v=spf1 +a -MX ~ptr ?exists:%{i}.example.com INCLUDE:_spf.example.net  all ");
        List<Directive> d = r.directives();
        assertEquals(6, d.size());
        assertEquals(List.of(SpfResult.PASS, SpfResult.FAIL, SpfResult.SOFTFAIL, SpfResult.NEUTRAL, SpfResult.PASS,
                SpfResult.PASS), d.stream().map(Directive::qualifier).toList());
        assertEquals(List.of(Mechanism.A, Mechanism.MX, Mechanism.PTR, Mechanism.EXISTS, Mechanism.INCLUDE, Mechanism.ALL),
                d.stream().map(Directive::mechanism).toList());
        assertNull(d.get(0).domainSpec());
        assertEquals("%{i}.example.com", d.get(3).domainSpec());
        assertEquals("_spf.example.net", d.get(4).domainSpec());
        assertTrue(r.hasAll());
    }

    @Test
    void parsesDualCidrLengths() throws SpfException {
        List<Directive> d = SpfRecordParser.parse("v=spf1 a/24 mx//64 a:example.com/16//48 mx:%{d/}/0 a").directives();
        assertEquals(24, d.get(0).cidr4());
        assertEquals(128, d.get(0).cidr6());
        assertEquals(32, d.get(1).cidr4());
        assertEquals(64, d.get(1).cidr6());
        assertEquals("example.com", d.get(2).domainSpec());
        assertEquals(16, d.get(2).cidr4());
        assertEquals(48, d.get(2).cidr6());
        assertEquals("%{d/}", d.get(3).domainSpec());
        assertEquals(0, d.get(3).cidr4());
        assertEquals(32, d.get(4).cidr4());
    }

    @Test
    void parsesNetworks() throws SpfException {
        List<Directive> d = SpfRecordParser.parse("v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.1 ip6:2001:db8::/32 ip6:::1").directives();
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 0}, d.get(0).network());
        assertEquals(24, d.get(0).cidr4());
        assertEquals(32, d.get(1).cidr4());
        assertEquals(32, d.get(2).cidr6());
        assertEquals(16, d.get(2).network().length);
        assertEquals(128, d.get(3).cidr6());
    }

    @Test
    void keepsModifiersAndIgnoresUnknownOnes() throws SpfException {
        SpfRecord r = SpfRecordParser.parse("v=spf1 mx REDIRECT=_spf.example.com exp=explain.%{d} moo=cow%{l} x.y-z=");
        assertEquals(1, r.directives().size());
        assertEquals("_spf.example.com", r.redirect());
        assertEquals("explain.%{d}", r.explanation());
        assertFalse(r.hasAll());
    }

    @Test
    void emptyRecordHasNoTerms() throws SpfException {
        assertTrue(SpfRecordParser.parse("v=spf1").directives().isEmpty());
        assertTrue(SpfRecordParser.parse("v=spf1   ").directives().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v=spf1 foo", "v=spf1 -all:x", "v=spf1 all/24", "v=spf1 include", "v=spf1 include:", "v=spf1 exists",
        "v=spf1 a:", "v=spf1 a/33", "v=spf1 a//129", "v=spf1 a/024", "v=spf1 a/", "v=spf1 a/24/64", "v=spf1 mx/-1",
        "v=spf1 ip4", "v=spf1 ip4:", "v=spf1 ip4:192.0.2.0/33", "v=spf1 ip4:192.0.2", "v=spf1 ip4:2001:db8::1",
        "v=spf1 ip6:192.0.2.1", "v=spf1 ip6:::1/129", "v=spf1 ip6:::1/", "v=spf1 ip4:192.0.2.1/", "v=spf1 ptr/24",
        "v=spf1 redirect=a.example redirect=b.example", "v=spf1 exp=a.example exp=b.example", "v=spf1 redirect=",
        "v=spf1 a:example", "v=spf1 a:example.com-", "v=spf1 a:example.-com", "v=spf1 a:example.123",
        "v=spf1 a:%{x}.example.com", "v=spf1 a:%{d0}.example.com", "v=spf1 a:%{d2q}.example.com",
        "v=spf1 a:%{c}.example.com", "v=spf1 exists:%{r}.example.com", "v=spf1 exp=%{t}.example.com",
        "v=spf1 a:%{d.example.com", "v=spf1 a:50%.example.com", "v=spf1 unknown=%{", "v=spf1 -redirect=x.example",
        "v=spf1 +", "v=spf1 a:ex\u00e4mple.com", "v=spf1 ip4:1.2.3.4\t-all", "v=spf1 =x"})
    void rejectsBadSyntax(String record) {
        SpfException e = assertThrows(SpfException.class, () -> SpfRecordParser.parse(record));
        assertEquals(SpfResult.PERMERROR, e.result());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=spf1 a:example.com.", "v=spf1 a:%{d}", "v=spf1 exists:%{ir}.%{v}._spf.%{d2}",
        "v=spf1 a:xn--bcher-kva.example", "v=spf1 a:a-1.example.c0m", "v=spf1 mx:example.com//0",
        "v=spf1 ip6:::ffff:192.0.2.1/96", "v=spf1 a:%%.%_.%-.example.com", "v=spf1 a:%{L2r+-_}.example.com"})
    void acceptsValidEdgeCases(String record) throws SpfException {
        assertEquals(1, SpfRecordParser.parse(record).directives().size());
    }
}
