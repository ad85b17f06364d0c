package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ConfigException;

class RelayCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void fileEntriesWinOverTheDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("relay-auth"),
                "# smarthost passwords\n\n[smtp.example.net]:587  alice@example.net:pa:ss word\nrelay.example.org bob:x\n");
        RelayCredentials c = RelayCredentials.of("default:pw", file);

        RelayCredentials.Credential a = c.forSmarthost(NextHop.parse("[SMTP.example.net]:587", 25)).orElseThrow();
        assertEquals("alice@example.net", a.user());
        assertEquals("pa:ss word", a.password());
        assertEquals("bob", c.forSmarthost(NextHop.parse("relay.example.org:25", 25)).orElseThrow().user());
        assertEquals("default", c.forSmarthost(NextHop.parse("[smtp.example.net]:25", 25)).orElseThrow().user());
    }

    @Test
    void noCredentialsWithoutConfiguration() throws Exception {
        assertTrue(RelayCredentials.of("", null).forSmarthost(NextHop.parse("x.test", 25)).isEmpty());
        assertTrue(RelayCredentials.NONE.forSmarthost(NextHop.parse("x.test", 25)).isEmpty());
    }

    @Test
    void badLinesNameFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("relay-auth"), "ok.test u:p\nbroken.test nopassword\n");
        ConfigException e = assertThrows(ConfigException.class, () -> RelayCredentials.of(null, file));
        assertEquals(2, e.line());
        assertEquals(file, e.file());
        assertFalse(e.getMessage().contains("nopassword"), "the message must not echo secrets");
    }

    @Test
    void aMissingFileIsAConfigError() {
        assertThrows(ConfigException.class, () -> RelayCredentials.of(null, dir.resolve("absent")));
    }

    @Test
    void passwordsStayOutOfToString() {
        assertFalse(new RelayCredentials.Credential("u", "secret").toString().contains("secret"));
    }
}
