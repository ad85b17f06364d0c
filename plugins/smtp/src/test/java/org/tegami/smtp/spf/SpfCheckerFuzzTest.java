package org.tegami.smtp.spf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the SPF check: the input is a sender (first line) and TXT records, one a line as
 * {@code name record} ({@code *} for every name); addresses, MX and PTR answers follow from a
 * hash of the name (some empty, some failing). Every check must give a verdict with a short
 * printable reason, never an exception, and stay within the lookup limits. The seeded mutation
 * test runs a fixed batch; the {@code @FuzzTest} replays its seeds in
 * {@code SpfCheckerFuzzTestInputs/records/} in a normal build and is fuzzed with coverage
 * guidance by {@code bench/fuzz.sh}.
 */
class SpfCheckerFuzzTest {

    /** 10 terms, each at most one query and 10 address lookups, plus record and exp lookups. */
    private static final int MAX_QUERIES = 150;

    @Test
    void mutatedRecordsAlwaysGiveAVerdict() {
        List<byte[]> inputs = Mutator.ofText(7208,
                "alice@example.com\nexample.com v=spf1 a mx/24 include:_spf.example.net -all exp=e.%{d}\n"
                        + "_spf.example.net v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ~all\ne.example.com %{c} %{r} %{t} no",
                "\nhelo.example.org v=spf1 exists:%{ir}.%{v}.%{l1r-}.%{d2} ptr:%{o} redirect=%{h}",
                "x@a.example\n* v=spf1 include:%{d}.x redirect=%{p}.y a:%{S}.%{L}.z//64 ?all",
                "@b.example\nb.example v=spf1 mx:%{d3r+-}/0//0 unknown=%{x -ptr\nb.example v=spf1 +all")
                .mutate(1500);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), SpfCheckerFuzzTest::check);
    }

    /** Any records and sender: a verdict with a printable reason, within the limits. */
    @Timeout(10)
    @FuzzTest
    void records(byte[] data) {
        check(data);
    }

    private static void check(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String sender = newline < 0 ? text : text.substring(0, newline);
        HashedDns dns = new HashedDns(newline < 0 ? "" : text.substring(newline + 1));
        InetAddress client = FakeDns.literal(sender.length() % 2 == 0 ? "192.0.2.1" : "2001:db8::1");
        SpfVerdict verdict = new SpfChecker(dns).check(client, sender, "helo.example.org", "mx.example.net");
        assertNotNull(verdict);
        assertNotNull(verdict.result());
        assertNotNull(verdict.domain());
        String reason = verdict.reason();
        assertNotNull(reason);
        assertTrue(reason.length() <= 200, reason);
        assertTrue(reason.chars().allMatch(c -> c >= 0x20 && c < 0x7F), reason);
        // A domain's exp= text can read like anything, the internal error's words too: only a
        // temperror with them is one.
        assertFalse(verdict.result() == SpfResult.TEMPERROR && reason.equals(SpfChecker.INTERNAL_ERROR),
                "the check broke on its own");
        assertTrue(dns.queries <= MAX_QUERIES, "queries: " + dns.queries);
    }

    /** TXT records from the input; the other answers derived from the name. */
    private static final class HashedDns implements SpfDns {

        private final List<String[]> records = new ArrayList<>();
        int queries;

        HashedDns(String lines) {
            for (String line : lines.split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    records.add(new String[] {line.substring(0, space), line.substring(space + 1)});
                }
            }
        }

        @Override
        public List<String> txt(String name) throws DnsFailure {
            queries++;
            if (name.startsWith("fail.")) {
                throw new DnsFailure("timed out\r\n\u00e9");
            }
            return records.stream().filter(r -> r[0].equals("*") || r[0].equalsIgnoreCase(name)).map(r -> r[1]).toList();
        }

        @Override
        public List<InetAddress> addresses(String name, boolean ipv6) throws DnsFailure {
            queries++;
            return switch (Math.floorMod(name.hashCode(), 4)) {
                case 0 -> List.of();
                case 1 -> throw new DnsFailure("server failure");
                default -> List.of(FakeDns.literal(ipv6 ? "2001:db8::1" : "192.0.2." + Math.floorMod(name.hashCode(), 3)));
            };
        }

        @Override
        public List<String> mx(String name) throws DnsFailure {
            queries++;
            int n = Math.floorMod(name.hashCode(), 13);
            if (n == 12) {
                throw new DnsFailure("refused");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add("mx" + i + "." + name);
            }
            return out;
        }

        @Override
        public List<String> ptr(InetAddress address) {
            queries++;
            return List.of("a.example.com", "mx0.example.com", "host.helo.example.org");
        }
    }
}
