package org.tegami.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the shared text parsers: only their documented errors may escape. The seeded
 * mutation tests run a fixed batch; the {@code @FuzzTest} targets replay their seeds under
 * {@code src/test/resources/org/tegami/api/ApiParsersFuzzTestInputs/<method>/} in a normal
 * build and are fuzzed with coverage guidance by {@code bench/fuzz.sh}.
 */
class ApiParsersFuzzTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void mailAddressParseThrowsOnlyIllegalArgument() {
        List<String> inputs = Mutator.ofText(101, "alice@example.org", "<bob@Example.ORG>", "<>", "",
                "\"john doe\"@example.org", "a.b+tag@sub.example.co.uk", "<postmaster@[127.0.0.1]>").mutateText(5000);
        Mutator.fuzz(inputs, LIMIT, s -> assertNotNull(MailAddress.parse(s).domain()), IllegalArgumentException.class);
    }

    @Test
    void modifiedUtf7DecodeThrowsOnlyIllegalArgument() {
        List<String> inputs = Mutator.ofText(102, "INBOX", "&-", "Entw&APw-rfe", "&ZeVnLIqe-",
                ModifiedUtf7.encode("Ünïcödé 日本語 📬 folder"), "a&AGE-b").mutateText(5000);
        Mutator.fuzz(inputs, LIMIT, s -> ModifiedUtf7.encode(ModifiedUtf7.decode(s)), IllegalArgumentException.class);
    }

    @Test
    void saslExchangeNeverThrowsOnClientLines() {
        List<String> inputs = Mutator.ofText(103, "AGFsaWNlAHNlY3JldA==", "dXNlcgBhbGljZQBwdw==", "=", "*",
                "YWxpY2U=", "c2VjcmV0", "AAA=").mutateText(5000);
        Mutator.fuzz(inputs, LIMIT, s -> {
            SaslExchange.start(SaslExchange.PLAIN, s);
            SaslExchange.Start login = SaslExchange.start(SaslExchange.LOGIN, s);
            assertNotNull(login.exchange().next(s));
            assertNotNull(login.exchange().next(s));
        });
    }

    @Test
    void quotedPairsInTheLocalPartSurviveTheRoundTrip() {
        // found by mailAddress below: "a\"b" read back as a\"b, one more backslash per relay hop
        MailAddress address = MailAddress.parse("<\"a\\\"b\\\\c\"@example.org>");
        assertEquals("a\"b\\c", address.localPart());
        assertEquals(address, MailAddress.parse(address.bracketed()));
    }

    @Test
    void modifiedUtf7AcceptsOnlyTheOneSpellingEncodeWrites() {
        // found by modifiedUtf7Decode below: "A&UEz-" (unused low bits set) decoded to the same
        // name as "A&UEw-", so two Maildir directories could stand for one folder
        assertEquals("A\u5030", ModifiedUtf7.decode("A&UDA-"));
        for (String other : List.of("A&UEz-", "A&UDA=-", "&AOQ-&APY-", "&2D3YPQ-")) {
            assertThrows(IllegalArgumentException.class, () -> ModifiedUtf7.decode(other), other);
        }
        assertEquals("\u00e4\u00f6", ModifiedUtf7.decode("&AOQA9g-"));
    }

    /** Any text parses to an address with a lower-case domain, or fails with IllegalArgumentException. */
    @Timeout(10)
    @FuzzTest
    void mailAddress(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        MailAddress address;
        try {
            address = MailAddress.parse(text);
        } catch (IllegalArgumentException e) {
            return;
        }
        assertEquals(address.domain().toLowerCase(Locale.ROOT), address.domain());
        if (!address.isNullSender()) {
            assertTrue(!address.localPart().isEmpty() && !address.domain().isEmpty(), "both parts present");
        }
        // What we write in MAIL FROM / RCPT TO must read back as the same address (quoting
        // may make it longer than the limit, which parse then refuses, rightly).
        if (address.toString().length() <= MailAddress.MAX_LENGTH) {
            assertEquals(address, MailAddress.parse(address.bracketed()), "bracketed form round trip");
        }
    }

    /** Decoding only ever fails with IllegalArgumentException, and what decodes re-encodes to the input. */
    @Timeout(10)
    @FuzzTest
    void modifiedUtf7Decode(byte[] data) {
        String wire = new String(data, StandardCharsets.ISO_8859_1);
        String name;
        try {
            name = ModifiedUtf7.decode(wire);
        } catch (IllegalArgumentException e) {
            return;
        }
        // RFC 3501 5.1.3 allows one encoding per name; decode rejects the others, so the round trip is exact.
        assertEquals(wire, ModifiedUtf7.encode(name), "encode(decode(x)) == x");
    }

    /** Every mailbox name (any UTF-16, lone surrogates excepted) encodes to printable ASCII and decodes back. */
    @Timeout(10)
    @FuzzTest
    void modifiedUtf7Encode(byte[] data) {
        String name = new String(data, StandardCharsets.UTF_8);
        String wire = ModifiedUtf7.encode(name);
        assertTrue(wire.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "printable ASCII only");
        assertEquals(name, ModifiedUtf7.decode(wire), "decode(encode(x)) == x");
    }

    /**
     * A SASL exchange fed arbitrary client lines never throws: the first line of the input picks
     * PLAIN or LOGIN and the initial response (a lone "-" for none), the other lines follow.
     */
    @Timeout(10)
    @FuzzTest
    void saslExchange(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        String mechanism = lines[0].startsWith("L") ? SaslExchange.LOGIN : SaslExchange.PLAIN;
        String initial = lines[0].length() <= 1 ? null : lines[0].substring(1);
        SaslExchange.Start start = SaslExchange.start(mechanism, "-".equals(initial) ? null : initial);
        SaslExchange.Step step = start.step();
        for (int i = 1; i < lines.length; i++) {
            SaslExchange.Step next = start.exchange().next(lines[i]);
            assertNotNull(next);
            if (!(step instanceof SaslExchange.Step.Challenge)) {
                assertTrue(next instanceof SaslExchange.Step.Failed, "a finished exchange takes no more lines");
            }
            step = next;
        }
        if (step instanceof SaslExchange.Step.Done done) {
            SaslExchange.Credentials credentials = done.credentials();
            assertNotNull(credentials.login());
            assertNotNull(credentials.password());
            assertTrue(mechanism.equals(SaslExchange.LOGIN) || !credentials.login().isEmpty(), "PLAIN needs a user");
        }
    }
}
