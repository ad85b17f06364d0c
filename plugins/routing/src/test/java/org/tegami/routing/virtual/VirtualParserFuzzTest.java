package org.tegami.routing.virtual;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/** Mutation fuzzing of the virtual alias table parser: bad lines become problems only. */
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
}
