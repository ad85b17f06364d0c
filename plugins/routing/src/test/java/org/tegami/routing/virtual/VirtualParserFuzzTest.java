package org.tegami.routing.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.routing.address.RecipientDelimiter;
import org.tegami.routing.file.Parsed;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the virtual alias table parser: bad lines become problems only. The
 * {@code @FuzzTest} replays its seeds in {@code VirtualParserFuzzTestInputs/<method>/} in a normal build and is
 * fuzzed with coverage guidance by {@code bench/fuzz.sh}.
 */
class VirtualParserFuzzTest {

    private static final Path FILE = Path.of("/etc/tegami/conf/virtual");

    @Test
    void mutatedVirtualTablesAreCollectedAsProblems() {
        List<String> inputs = Mutator.ofText(802,
                "Info@Example.ORG  alice@localhost, bob@localhost\n@example.org carol@localhost\n"
                        + "team@example.org alice@localhost\n   bob@localhost,\n   carol@example.net\n",
                "lonely@example.org\na@example.org bob\nb@example.org bob@\n@ x@example.net\n# comment\n\n",
                "sales@example.com \"q u\"@example.net,dave\n@example.com @example.net\n").mutateText(4000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), text -> {
            assertNotNull(VirtualParser.parse(FILE, text).value());
            assertNotNull(VirtualParser.parseTable(FILE, text).value());
        });
    }

    /**
     * Any virtual table gives entries and problems on real lines of this file; every entry has
     * targets, its domain is served, and an address entry is found again under its own key.
     */
    @Timeout(10)
    @FuzzTest
    void virtualTable(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int lines = text.split("\n", -1).length;
        Parsed<VirtualTable> parsed = VirtualParser.parseTable(FILE, text);
        for (ConfigException problem : parsed.problems()) {
            assertEquals(FILE, problem.file());
            assertTrue(problem.line() >= 1 && problem.line() <= lines, "line " + problem.line());
        }
        VirtualTable table = parsed.value();
        for (VirtualEntry entry : VirtualParser.parse(FILE, text).value()) {
            assertFalse(entry.targets().isEmpty(), "no targets for " + entry.key());
            assertTrue(table.hasDomain(entry.domain()), "domain of " + entry.key());
            int at = entry.key().lastIndexOf('@');
            MailAddress address = new MailAddress(at <= 0 ? "anyone" : entry.key().substring(0, at), entry.domain());
            assertTrue(table.lookup(address, RecipientDelimiter.none()).isPresent(), "cannot find " + entry.key());
        }
    }
}
