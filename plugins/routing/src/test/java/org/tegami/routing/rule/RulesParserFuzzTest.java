package org.tegami.routing.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/** Mutation fuzzing of the relay/reject rules parser: bad lines become problems only. */
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
}
