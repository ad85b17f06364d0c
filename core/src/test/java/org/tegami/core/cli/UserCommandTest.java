package org.tegami.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.core.auth.PasswordSchemes;

/** {@code tegami user} end to end through {@link Main#run}, on a temporary installation. */
class UserCommandTest {

    @TempDir
    Path root;
    private Path conf;
    private String out;
    private String err;

    @BeforeEach
    void setUp() throws Exception {
        conf = Files.createDirectories(root.resolve("conf"));
        Files.writeString(conf.resolve("tegami.conf"), "domains = example.org\nauth.password-cost = 4\n");
        Files.writeString(conf.resolve("users"), "# the users\nold@example.org:{PLAIN}old::::::quota=1M\n");
    }

    private int tegami(String stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>(List.of("--conf", conf.toString()));
        argv.addAll(List.of(args));
        int code = Main.run(argv, new CliContext(Path.of("conf"),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8)));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String storedPassword(String name) throws Exception {
        return Files.readAllLines(conf.resolve("users")).stream().filter(l -> l.startsWith(name + ":"))
                .map(l -> l.split(":")[1]).findFirst().orElseThrow();
    }

    @Test
    void addsAUserWithABcryptHashFromStdin() throws Exception {
        assertEquals(0, tegami("s3cret pass\n", "user", "add", "New@Example.org", "--password-stdin"));
        assertEquals("added new@example.org\n", out);
        String stored = storedPassword("new@example.org");
        assertTrue(stored.startsWith("{BLF-CRYPT}$2y$04$"), stored);
        assertTrue(PasswordSchemes.verify("s3cret pass", stored));
        assertTrue(Files.readString(conf.resolve("users")).startsWith("# the users\nold@example.org:{PLAIN}old::::::quota=1M\n"));
    }

    @Test
    void addingAnExistingUserFails() {
        assertEquals(ExitCodes.DATA_ERROR, tegami("pw\n", "user", "add", "OLD@example.org", "--password-stdin"));
        assertEquals("tegami user: user already exists: old@example.org\n", err);
    }

    @Test
    void passwdReplacesOnlyThePassword() throws Exception {
        assertEquals(0, tegami("newpw\r\n", "user", "passwd", "old@example.org", "--password-stdin"));
        String line = Files.readAllLines(conf.resolve("users")).get(1);
        assertTrue(line.endsWith("::::::quota=1M"), line);
        assertTrue(PasswordSchemes.verify("newpw", storedPassword("old@example.org")));
        assertEquals(ExitCodes.NO_USER, tegami("x\n", "user", "passwd", "nobody@example.org", "--password-stdin"));
        assertEquals("tegami user: no such user: nobody@example.org\n", err);
    }

    @Test
    void delRemovesAndFailsForMissingUsers() throws Exception {
        assertEquals(0, tegami("", "user", "del", "old@example.org"));
        assertEquals("# the users\n", Files.readString(conf.resolve("users")));
        assertEquals(ExitCodes.NO_USER, tegami("", "user", "del", "old@example.org"));
        assertEquals("tegami user: no such user: old@example.org\n", err);
    }

    @Test
    void listShowsUsersAndQuota() throws Exception {
        Files.writeString(conf.resolve("users"), "b@example.org:{PLAIN}b\na@example.org:{PLAIN}a::::::quota=1M\nbad\n");
        assertEquals(0, tegami("", "user", "list"));
        assertEquals("a@example.org quota=1048576\nb@example.org\n", out);
        assertTrue(err.contains("users:3:"), err);
    }

    @Test
    void rejectsBadNamesEmptyPasswordsAndMissingTerminal() throws Exception {
        assertEquals(ExitCodes.DATA_ERROR, tegami("pw\n", "user", "add", "nodomain", "--password-stdin"));
        assertEquals("tegami user: 'nodomain' is not a user name of the form local@domain\n", err);
        assertEquals(ExitCodes.DATA_ERROR, tegami("pw\n", "user", "add", "a:b@example.org", "--password-stdin"));
        assertEquals(ExitCodes.DATA_ERROR, tegami("\n", "user", "add", "x@example.org", "--password-stdin"));
        assertEquals("tegami user: empty password\n", err);
        assertEquals(ExitCodes.DATA_ERROR, tegami("", "user", "add", "x@example.org", "--password-stdin"));
        // The test JVM has no terminal: prompting must fail clearly instead of hanging.
        assertEquals(ExitCodes.USAGE, tegami("pw\n", "user", "add", "x@example.org"));
        assertEquals("tegami user: no terminal to ask for the password; use --password-stdin\n", err);
        assertFalse(Files.readString(conf.resolve("users")).contains("x@example.org"));
    }

    @Test
    void warnsWhenTheDomainIsNotLocal() throws Exception {
        assertEquals(0, tegami("pw\n", "user", "add", "a@elsewhere.net", "--password-stdin"));
        assertTrue(err.contains("elsewhere.net is not in domains"), err);
    }

    @Test
    void usageErrors() {
        assertEquals(ExitCodes.USAGE, tegami("", "user"));
        assertEquals(ExitCodes.USAGE, tegami("", "user", "rename", "a@example.org"));
        assertEquals(ExitCodes.USAGE, tegami("", "user", "del"));
        assertEquals(0, tegami("", "user", "--help"));
        assertTrue(out.contains("--password-stdin"));
    }

    @Test
    void unwritableUsersFileIsAnIoError() throws Exception {
        Files.writeString(conf.resolve("tegami.conf"), "auth.password-cost = 4\nusers.file = conf/users/inside\n");
        assertEquals(ExitCodes.IO_ERROR, tegami("pw\n", "user", "add", "x@example.org", "--password-stdin"));
        assertTrue(err.startsWith("tegami user: cannot update the users file: "), err);
    }

    @Test
    void badConfigIsAConfigError() throws Exception {
        Files.writeString(conf.resolve("tegami.conf"), "users.file\n");
        assertEquals(ExitCodes.CONFIG, tegami("", "user", "list"));
        assertTrue(err.contains("tegami.conf:1: expected 'key = value'"), err);
    }
}
