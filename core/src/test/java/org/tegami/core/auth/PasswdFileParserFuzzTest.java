package org.tegami.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tegami.api.ConfigException;
import org.tegami.testing.Mutator;

/**
 * Fuzzing of the passwd-file parser: bad lines become problems, nothing is thrown. The
 * {@code @FuzzTest} replays its seeds in {@code PasswdFileParserFuzzTestInputs/} in a normal
 * build and is fuzzed with coverage guidance by {@code bench/fuzz.sh}.
 */
class PasswdFileParserFuzzTest {

    private static final Path FILE = Path.of("conf/users");

    @Test
    void mutatedPasswdFilesAreCollectedAsProblems() {
        List<String> inputs = Mutator.ofText(301,
                "# users\n\nAlice@Example.org:{PLAIN}a\n",
                "bob@example.org:{PLAIN}b:1000:1000::/home/bob::userdb_quota_rule=*:storage=1G allow_nets=10.0.0.0/8\n",
                "carol@example.org:{PLAIN}c::::::quota=512M\ndave@example.org:{PLAIN}d:::::\n",
                "x@example.org:{SHA512-CRYPT}$6$salt$notavalidhash\ny@example.org:{SSHA256}abc:::::::quota_rule=*:storage=10M\n")
                .mutateText(4000);
        Mutator.fuzz(inputs, Duration.ofSeconds(10), text -> {
            List<String> lines = Arrays.asList(text.split("\r?\n", -1));
            PasswdFile parsed = PasswdFileParser.parse(FILE, lines);
            assertNotNull(parsed.users());
            for (String line : lines) {
                PasswdFileParser.nameOf(line);
            }
        });
    }

    /**
     * Any file gives users and problems; every problem names this file and a real line, every
     * user sits on a line whose name field is that user, lower-case.
     */
    @Timeout(10)
    @FuzzTest
    void passwdFile(byte[] data) {
        List<String> lines = Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\r?\n", -1));
        PasswdFile parsed = PasswdFileParser.parse(FILE, lines);
        for (ConfigException problem : parsed.problems()) {
            assertEquals(FILE, problem.file());
            assertTrue(problem.line() >= 1 && problem.line() <= lines.size(), "line " + problem.line());
        }
        for (PasswdEntry entry : parsed.users().values()) {
            assertEquals(entry.name().toLowerCase(Locale.ROOT), entry.name());
            assertEquals(entry.name(), PasswdFileParser.nameOf(lines.get(entry.line() - 1)));
            assertTrue(entry.quotaBytes() >= 0, "quota " + entry.quotaBytes());
            assertNotNull(entry.account());
        }
    }
}
