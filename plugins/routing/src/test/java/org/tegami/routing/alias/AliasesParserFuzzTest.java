package org.tegami.routing.alias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.routing.address.RecipientDelimiter;
import org.tegami.routing.file.Parsed;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the aliases and include-file parsers: bad lines become problems only. The
 * {@code @FuzzTest} replays its seeds in {@code AliasesParserFuzzTestInputs/<method>/} in a normal build and is
 * fuzzed with coverage guidance by {@code bench/fuzz.sh}.
 */
class AliasesParserFuzzTest {

    private static final Path FILE = Path.of("/etc/tegami/conf/aliases");

    @Test
    void mutatedAliasFilesAreCollectedAsProblems() {
        List<String> inputs = Mutator.ofText(801,
                "all: bob, carol@example.net, |/usr/bin/archive, \"|/usr/bin/vacation -a alice\","
                        + " /var/mail/log, \"/var/mail/with space\", :include:lists/team\n",
                "staff: alice,\n  bob,\n\tcarol\nother: dave\n# comment\n\n",
                "PostMaster: root\n\"john doe\": john\nsales@Example.ORG: bob\nempty:\nquote: \"|unbalanced\n",
                "# the team\nalice\n  bob@example.net, carol\nbad@\n:include:more\n").mutateText(4000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), text -> {
            assertNotNull(AliasesParser.parse(FILE, text).value());
            assertNotNull(IncludeFileParser.parse(Path.of("/etc/tegami/conf/lists/team"), text).value());
        });
    }

    /**
     * Any aliases file gives entries and problems on real lines of this file; every entry has
     * targets and is found again by the table under its own name and domain.
     */
    @Timeout(10)
    @FuzzTest
    void aliasesFile(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Parsed<List<AliasEntry>> parsed = AliasesParser.parse(FILE, text);
        checkProblems(parsed, FILE, text);
        AliasTable table = new AliasTable(parsed.value(), Map.of());
        for (AliasEntry entry : parsed.value()) {
            assertFalse(entry.targets().isEmpty(), "no targets for " + entry.key());
            assertTrue(entry.line() >= 1 && entry.line() <= lineCount(text), "line " + entry.line());
            MailAddress address = new MailAddress(entry.name(), entry.domain() == null ? "localhost" : entry.domain());
            assertTrue(table.lookup(address, RecipientDelimiter.none()).isPresent(), "cannot find " + entry.key());
        }
    }

    /** Any :include: file gives targets and problems on real lines of this file. */
    @Timeout(10)
    @FuzzTest
    void includeFile(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Path file = Path.of("/etc/tegami/conf/lists/team");
        Parsed<List<AliasTarget>> parsed = IncludeFileParser.parse(file, text);
        checkProblems(parsed, file, text);
        parsed.value().forEach(t -> assertNotNull(t));
    }

    private static void checkProblems(Parsed<?> parsed, Path file, String text) {
        assertNotNull(parsed.value());
        for (ConfigException problem : parsed.problems()) {
            assertEquals(file, problem.file());
            assertTrue(problem.line() >= 1 && problem.line() <= lineCount(text), "line " + problem.line());
        }
    }

    private static int lineCount(String text) {
        return text.split("\n", -1).length;
    }
}
