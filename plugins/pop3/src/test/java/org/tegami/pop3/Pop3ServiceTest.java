package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tegami.api.ConfigException;
import org.tegami.api.ListenerSpec;
import org.tegami.api.Settings;
import org.tegami.pop3.session.Pop3Settings;

class Pop3ServiceTest {

    /** Settings from a map, parsing just the forms these keys use; remembers what was read. */
    private static final class MapSettings implements Settings {
        final Map<String, String> values = new HashMap<>();
        final Set<String> read = new HashSet<>();

        @Override
        public Optional<String> get(String key) {
            read.add(key);
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public String string(String key, String defaultValue) {
            return get(key).orElse(defaultValue);
        }

        @Override
        public int integer(String key, int defaultValue) throws ConfigException {
            try {
                return get(key).map(Integer::parseInt).orElse(defaultValue);
            } catch (NumberFormatException e) {
                throw new ConfigException("pop3." + key + ": not a number");
            }
        }

        @Override
        public boolean bool(String key, boolean defaultValue) {
            return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
        }

        @Override
        public long bytes(String key, long defaultValue) {
            return get(key).map(Long::parseLong).orElse(defaultValue);
        }

        @Override
        public Duration duration(String key, Duration defaultValue) {
            return get(key).map(v -> Duration.ofMinutes(Long.parseLong(v.replace("m", "")))).orElse(defaultValue);
        }

        @Override
        public List<String> list(String key, List<String> defaultValue) {
            return defaultValue;
        }

        @Override
        public Path path(String key, Path defaultValue) {
            return get(key).map(Path::of).orElse(defaultValue);
        }
    }

    @Test
    void servesPop3AndPop3sOnLoopbackByDefault() {
        assertEquals(List.of(new ListenerSpec("pop3", "127.0.0.1:1110", false),
                new ListenerSpec("pop3s", "127.0.0.1:1995", true)), new Pop3Service().listeners());
    }

    @Test
    void readsItsKeys() throws Exception {
        MapSettings settings = new MapSettings();
        settings.values.put("allow-plaintext", "true");
        settings.values.put("max-bad-commands", "3");
        settings.values.put("idle-timeout", "20m");
        settings.values.put("mail-dir", "/srv/mail");
        settings.values.put("max-commands-before-login", "7");
        settings.values.put("login-timeout", "3m");
        Pop3Settings read = Pop3Settings.from(settings);
        assertTrue(read.allowPlaintext());
        assertEquals(3, read.maxBadCommands());
        assertEquals(Duration.ofMinutes(20), read.idleTimeout());
        assertEquals(Path.of("/srv/mail"), read.mailDir());
        assertEquals(7, read.maxCommandsBeforeLogin());
        assertEquals(Duration.ofMinutes(3), read.loginTimeout());
        assertEquals(Pop3Settings.defaults().maxLineLength(), read.maxLineLength());
        assertEquals(Set.of("allow-plaintext", "max-line-length", "max-bad-commands", "max-auth-failures",
                "idle-timeout", "lock-stale", "mail-dir", "max-commands-before-login", "login-timeout"), settings.read);
    }

    @Test
    void refusesValuesThatCannotWork() {
        MapSettings settings = new MapSettings();
        settings.values.put("max-line-length", "10");
        ConfigException e = assertThrows(ConfigException.class, () -> new Pop3Service().configure(settings));
        assertTrue(e.getMessage().contains("pop3.max-line-length"), e.getMessage());
    }

    @Test
    void defaultsFollowRfc1939() {
        Pop3Settings d = Pop3Settings.defaults();
        assertTrue(d.idleTimeout().compareTo(Duration.ofMinutes(10)) >= 0, "autologout at least 10 minutes");
        assertTrue(d.lockStaleAfter().compareTo(d.idleTimeout()) > 0, "a live idle session's lock is not stale");
        assertTrue(!d.allowPlaintext());
    }
}
