package org.tegami.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tegami.api.UserAccount;

class PasswdFileParserTest {

    private static final Path FILE = Path.of("conf/users");

    @Test
    void readsDovecotLinesWithExtraFields() {
        PasswdFile f = PasswdFileParser.parse(FILE, List.of(
                "# users",
                "",
                "Alice@Example.org:{PLAIN}a",
                "bob@example.org:{PLAIN}b:1000:1000::/home/bob::userdb_quota_rule=*:storage=1G allow_nets=10.0.0.0/8",
                "carol@example.org:{PLAIN}c::::::quota=512M",
                "dave@example.org:{PLAIN}d:::::"));
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertEquals(List.of("alice@example.org", "bob@example.org", "carol@example.org", "dave@example.org"),
                List.copyOf(f.users().keySet()));
        assertEquals(new UserAccount("alice@example.org", 0, Map.of()), f.users().get("alice@example.org").account());
        assertEquals(new UserAccount("bob@example.org", 1L << 30, Map.of("allow_nets", "10.0.0.0/8")),
                f.users().get("bob@example.org").account());
        assertEquals(512L << 20, f.users().get("carol@example.org").quotaBytes());
        assertEquals(4, f.users().get("bob@example.org").line());
    }

    @Test
    void badLinesAreReportedWithLineAndSkipped() {
        PasswdFile f = PasswdFileParser.parse(FILE, List.of(
                "ok@example.org:{PLAIN}x",
                "nopassword@example.org",
                "empty@example.org:",
                "unknown@example.org:{MD5}abc",
                "broken@example.org:{BLF-CRYPT}$2y$12$tooshort",
                " spaced@example.org:{PLAIN}x",
                "quota@example.org:{PLAIN}x::::::quota=lots",
                "rule@example.org:{PLAIN}x::::::userdb_quota_rule=*:messages=10",
                "ok@example.org:{PLAIN}again",
                "also-ok@example.org:{PLAIN}y"));
        assertEquals(List.of("also-ok@example.org", "ok@example.org"), List.copyOf(f.users().keySet()));
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9), f.problems().stream().map(p -> p.line()).toList());
        assertEquals("conf/users:4: unknown@example.org: unknown password scheme {MD5}", f.problems().get(2).getMessage());
        assertEquals("conf/users:9: user ok@example.org listed twice (first on line 1); line ignored",
                f.problems().get(7).getMessage());
        assertEquals("{PLAIN}x", f.users().get("ok@example.org").password());
    }

    @Test
    void problemMessagesNeverContainTheHash() {
        PasswdFile f = PasswdFileParser.parse(FILE, List.of("x@example.org:{SHA512-CRYPT}$6$salt$notavalidhash"));
        assertEquals(1, f.problems().size());
        assertTrue(!f.problems().get(0).getMessage().contains("notavalidhash"));
    }
}
