package org.tegami.core.config;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/** Mutation fuzzing of the config parser: every problem is collected, nothing is thrown. */
class ConfigParserFuzzTest {

    private static final Path FILE = Path.of("conf/tegami.conf");

    @Test
    void mutatedConfigFilesAreCollectedAsProblems() {
        List<String> inputs = Mutator.ofText(201,
                "\uFEFFhostname = localhost\ndomains = localhost, example.org\n# comment\nspool.dir = spool\n",
                "smtp.listen = 127.0.0.1:2525\nnet.idle-timeout = 5m\nnet.max-connections = 1000\n",
                "users.file = conf/users\n\n   \nplugins.dir=plugins\nkey.with-dash_and.dot = a = b\n").mutateText(4000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), text -> {
            ParsedConfig parsed = ConfigParser.parse(FILE, Arrays.asList(text.split("\r?\n", -1)));
            assertNotNull(parsed.entries());
            assertNotNull(parsed.problems());
        });
    }
}
