package org.tegami.core.auth;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tegami.testing.Mutator;

/** Mutation fuzzing of the passwd-file parser: bad lines become problems, nothing is thrown. */
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
}
