package org.tegami.routing.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Fuzzing of the relay/reject rules parser (the routes file): bad lines become problems only.
 * The
 * {@code @FuzzTest} replays its seeds in {@code RulesParserFuzzTestInputs/<method>/} in a normal build and is
 * fuzzed with coverage guidance by {@code bench/fuzz.sh}.
 */
class RulesParserFuzzTest {

    private static final Path FILE = Path.of("/etc/tegami/conf/rules");

    @Test
    void aVeryLongDomainPatternIsABadLineNotAStackOverflow() {
        // found by the fuzzing below: the domain regex recursed once per label
        String line = "example" + ".ce".repeat(1000) + " reject\n";
        assertEquals(1, RulesParser.parse(FILE, line).problems().size());
    }

    @Test
    void mutatedRuleFilesAreCollectedAsProblems() {
        List<String> inputs = Mutator.ofText(803,
                "* reject\nExample.COM reject\n.example.com reject\nBob@example.com reject\n",
                "example.com\nexample.com forward smtp\nexample.com relay\nexample.com relay smtp:host:99999\n",
                "example.net relay smtp:[10.0.0.1]:25\n# comment\n\n.example.org relay smtp:mx.example.org\n")
                .mutateText(4000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), text -> {
            assertNotNull(RulesParser.parse(FILE, text).value());
            for (String line : text.split("\n")) {
                try {
                    RecipientPattern.parse(line.strip());
                } catch (IllegalArgumentException e) {
                    // documented for a malformed pattern
                }
            }
        });
    }

    /**
     * Any routes file gives rules and problems on real lines of this file; each rule has a
     * decision and matches a recipient of its own pattern.
     */
    @Timeout(10)
    @FuzzTest
    void routesFile(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int lines = text.split("\n", -1).length;
        Parsed<RuleSet> parsed = RulesParser.parse(FILE, text);
        for (ConfigException problem : parsed.problems()) {
            assertEquals(FILE, problem.file());
            assertTrue(problem.line() >= 1 && problem.line() <= lines, "line " + problem.line());
        }
        RecipientDelimiter delimiter = new RecipientDelimiter("+");
        for (RouteRule rule : parsed.value().rules()) {
            assertNotNull(rule.decision());
            assertTrue(rule.line() >= 1 && rule.line() <= lines, "line " + rule.line());
            String value = rule.pattern().value();
            int at = value.lastIndexOf('@');
            MailAddress own = switch (rule.pattern().kind()) {
                case ANY -> new MailAddress("bob", "example.org");
                case DOMAIN -> new MailAddress("bob+tag", value);
                case SUBDOMAINS -> new MailAddress("bob+tag", "a" + value);
                case ADDRESS -> new MailAddress(value.substring(0, at), value.substring(at + 1));
            };
            assertTrue(rule.pattern().matches(own, delimiter), value + " does not match " + own);
            assertTrue(parsed.value().firstMatch(own, delimiter).isPresent(), "no rule for " + own);
        }
    }
}
