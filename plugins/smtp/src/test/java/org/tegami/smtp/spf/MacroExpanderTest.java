package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7208 section 7, with the examples of 7.4 (sender strong-bad@email.example.com). */
class MacroExpanderTest {

    private static final String SENDER_DOMAIN = "email.example.com";

    private static MacroExpander expander(String client) {
        return new MacroExpander(new MacroContext("strong-bad@" + SENDER_DOMAIN, "strong-bad", SENDER_DOMAIN,
                IpBytes.of(FakeDns.literal(client)), "mx.example.org", "receiver.example.net", 1_700_000_000L,
                domain -> "ptr-for." + domain));
    }

    @ParameterizedTest
    @CsvSource({
        "%{s}, strong-bad@email.example.com",
        "%{o}, email.example.com",
        "%{d}, email.example.com",
        "%{d4}, email.example.com",
        "%{d3}, email.example.com",
        "%{d2}, example.com",
        "%{d1}, com",
        "%{dr}, com.example.email",
        "%{d2r}, example.email",
        "%{l}, strong-bad",
        "%{l-}, strong.bad",
        "%{lr}, strong-bad",
        "%{lr-}, bad.strong",
        "%{l1r-}, strong",
        "%{ir}.%{v}._spf.%{d2}, 3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}, bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}, bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}, 3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net, example.com.trusted-domains.example.net",
    })
    void rfcExamplesForIpv4(String macro, String expected) throws SpfException {
        assertEquals(expected, expander("192.0.2.3").expand(macro, SENDER_DOMAIN));
    }

    @Test
    void rfcExampleForIpv6() throws SpfException {
        assertEquals("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com",
                expander("2001:db8::cb01").expand("%{ir}.%{v}._spf.%{d2}", SENDER_DOMAIN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{h}|mx.example.org",
        "%{p}.x|ptr-for.email.example.com.x",
        "%{d9999999999}|email.example.com",
        "%{d2R}|example.email",
        "%{l+-}|strong.bad",
        "%%|%",
        "a%_b|a b",
        "a%-b|a%20b",
        "%{S}|strong-bad%40email.example.com",
        "%{L=}|strong-bad",
    })
    void otherLettersEscapesAndTransformers(String macro, String expected) throws SpfException {
        assertEquals(expected, expander("192.0.2.3").expand(macro, SENDER_DOMAIN));
    }

    @Test
    void explanationOnlyLettersAndSpaces() throws SpfException {
        MacroExpander m = expander("2001:db8::cb01");
        assertEquals("2001:db8::cb01 at receiver.example.net on 1700000000 for email.example.com",
                m.expandExplanation("%{c} at %{r} on %{t} for %{d}", SENDER_DOMAIN));
        assertEquals("192.0.2.3 in-addr", expander("192.0.2.3").expandExplanation("%{c} %{v}", SENDER_DOMAIN));
        assertEquals("2001%3Adb8%3A%3Acb01", m.expandExplanation("%{C}", SENDER_DOMAIN));
    }

    @Test
    void receiverDefaultsToUnknown() throws SpfException {
        MacroExpander m = new MacroExpander(new MacroContext("a@b.example", "a", "b.example",
                new byte[] {1, 2, 3, 4}, "h.example", "", 0, d -> "unknown"));
        assertEquals("unknown", m.expandExplanation("%{r}", "b.example"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"%{c}", "%{r}", "%{t}", "%{x}", "%{d0}", "%{d00}", "%{dz}", "%{d", "%",
        "%a", "a b", "%{}", "\u00e9"})
    void badMacroStringsArePermerrors(String macro) {
        SpfException e = assertThrows(SpfException.class, () -> expander("192.0.2.3").expand(macro, SENDER_DOMAIN));
        assertEquals(SpfResult.PERMERROR, e.result());
    }

    @Test
    void longNamesAreTruncatedFromTheLeft() {
        String tail = "b" + ".c".repeat(100) + ".example.com";
        assertEquals(tail, DomainNames.truncate("a".repeat(60) + "." + tail + "."), "274 characters lose the first label");
        String shortLabels = "x.".repeat(130) + "example.com";
        assertEquals(253, DomainNames.truncate(shortLabels).length(), "two characters at a time down to 253");
        assertEquals(true, DomainNames.truncate(shortLabels).endsWith(".example.com"));
        assertEquals("example.com", DomainNames.truncate("example.com."));
    }
}
