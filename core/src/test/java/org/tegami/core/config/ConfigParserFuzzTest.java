package org.tegami.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.api.ConfigException;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the config parser: every problem is collected, nothing is thrown. The
 * {@code @FuzzTest} replays its seeds in {@code ConfigParserFuzzTestInputs/} in a normal build
 * and is fuzzed with coverage guidance by {@code bench/fuzz.sh}.
 */
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

    /**
     * Any file parses into entries and problems that name this file and a real line; reading the
     * core settings from it fails, if at all, only with a {@link ConfigException} naming the file.
     */
    @Timeout(10)
    @FuzzTest
    void configFile(byte[] data) {
        List<String> lines = Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\r?\n", -1));
        ParsedConfig parsed = ConfigParser.parse(FILE, lines);
        for (ConfigException problem : parsed.problems()) {
            assertEquals(FILE, problem.file());
            assertTrue(problem.line() >= 1 && problem.line() <= lines.size(), "line " + problem.line());
        }
        for (ConfigEntry entry : parsed.entries().values()) {
            assertEquals(entry.value().strip(), entry.value());
            assertTrue(entry.line() >= 1 && entry.line() <= lines.size(), "line " + entry.line());
        }
        try {
            ConfigSource source = ConfigSource.of(parsed, Path.of("/srv/tegami"), false);
            assertNotNull(ServerConfig.from(source));
            source.requireAllKeysRead();
        } catch (ConfigException e) {
            assertEquals(FILE, e.file());
        }
    }
}
