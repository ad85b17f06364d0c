package org.tegami.routing.alias;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/** Mutation fuzzing of the aliases and include-file parsers: bad lines become problems only. */
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
}
