package org.tegami.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

class PrefixedSettingsTest {

    private static final Path ROOT = Path.of("/srv/tegami");

    private static ConfigSource source(boolean collecting, String... lines) {
        return ConfigSource.of(ConfigParser.parse(Path.of("conf/tegami.conf"), List.of(lines)), ROOT, collecting);
    }

    @Test
    void typedGettersParseValues() throws Exception {
        Settings s = source(false, "smtp.max-size = 50M", "smtp.small = 512k", "smtp.big = 1G", "smtp.plain = 1000",
                "smtp.timeout = 250ms", "smtp.a = 30s", "smtp.b = 5m", "smtp.c = 2h", "smtp.d = 5d",
                "smtp.on = yes", "smtp.off = Off", "smtp.t = TRUE", "smtp.n = no",
                "smtp.list = a, b,,c ,", "smtp.count = -3", "smtp.name = hello world").settings("smtp");
        assertEquals(50L << 20, s.bytes("max-size", 0));
        assertEquals(512L << 10, s.bytes("small", 0));
        assertEquals(1L << 30, s.bytes("big", 0));
        assertEquals(1000, s.bytes("plain", 0));
        assertEquals(Duration.ofMillis(250), s.duration("timeout", Duration.ZERO));
        assertEquals(Duration.ofSeconds(30), s.duration("a", Duration.ZERO));
        assertEquals(Duration.ofMinutes(5), s.duration("b", Duration.ZERO));
        assertEquals(Duration.ofHours(2), s.duration("c", Duration.ZERO));
        assertEquals(Duration.ofDays(5), s.duration("d", Duration.ZERO));
        assertTrue(s.bool("on", false));
        assertFalse(s.bool("off", true));
        assertTrue(s.bool("t", false));
        assertFalse(s.bool("n", true));
        assertEquals(List.of("a", "b", "c"), s.list("list", List.of()));
        assertEquals(-3, s.integer("count", 0));
        assertEquals("hello world", s.string("name", ""));
    }

    @Test
    void absentKeysGiveDefaults() throws Exception {
        Settings s = source(false).settings("pop3");
        assertEquals(7, s.integer("x", 7));
        assertEquals(Optional.empty(), s.get("x"));
        assertEquals(Duration.ofSeconds(3), s.duration("x", Duration.ofSeconds(3)));
        assertEquals(List.of("d"), s.list("x", List.of("d")));
        assertEquals(ROOT.resolve("spool"), s.path("x", Path.of("spool")));
    }

    @Test
    void pathsResolveAgainstTheInstallationRoot() throws Exception {
        Settings s = source(false, "routing.aliases = conf/aliases", "routing.abs = /etc/aliases",
                "routing.up = ../x").settings("routing");
        assertEquals(Path.of("/srv/tegami/conf/aliases"), s.path("aliases", null));
        assertEquals(Path.of("/etc/aliases"), s.path("abs", null));
        assertEquals(Path.of("/srv/x"), s.path("up", null));
    }

    @Test
    void badValuesNameFileLineKeyAndValue() {
        ConfigSource source = source(false, "# c", "smtp.max-size = lots", "smtp.t = 5 minutes", "smtp.f = maybe",
                "smtp.n = 1.5", "smtp.neg = -1M");
        Settings s = source.settings("smtp");
        ConfigException e = assertThrows(ConfigException.class, () -> s.bytes("max-size", 0));
        assertEquals("conf/tegami.conf:2: smtp.max-size: not a size (like 512k, 50M, 1G): \"lots\"", e.getMessage());
        e = assertThrows(ConfigException.class, () -> s.duration("t", Duration.ZERO));
        assertEquals(3, e.line());
        assertTrue(e.reason().startsWith("smtp.t: not a duration"), e.reason());
        e = assertThrows(ConfigException.class, () -> s.bool("f", false));
        assertEquals("smtp.f: not true/false, yes/no or on/off: \"maybe\"", e.reason());
        e = assertThrows(ConfigException.class, () -> s.integer("n", 0));
        assertEquals(5, e.line());
        assertThrows(ConfigException.class, () -> s.bytes("neg", 0));
    }

    @Test
    void collectingSourceRecordsProblemsAndReturnsDefaults() throws Exception {
        ConfigSource source = source(true, "smtp.max-size = lots", "smtp.timeout = x");
        Settings s = source.settings("smtp");
        assertEquals(42, s.bytes("max-size", 42));
        assertEquals(Duration.ofSeconds(1), s.duration("timeout", Duration.ofSeconds(1)));
        assertEquals(2, source.problems().size());
        assertEquals(1, source.problems().get(0).line());
    }

    @Test
    void unreadKeysAreReportedAtTheirLine() throws Exception {
        ConfigSource source = source(false, "smtp.max-size = 1M", "smtp.max-sise = 2M", "imap.idle = 5m");
        source.settings("smtp").bytes("max-size", 0);
        source.settings("imap").duration("idle", Duration.ZERO);
        assertEquals(List.of("smtp.max-sise"), source.unreadEntries().stream().map(ConfigEntry::key).toList());
        ConfigException e = assertThrows(ConfigException.class, source::requireAllKeysRead);
        assertEquals("conf/tegami.conf:2: smtp.max-sise: unknown key", e.getMessage());
    }

    @Test
    void prefixesDoNotLeak() {
        ConfigSource source = source(false, "smtps.listen = 1.2.3.4:465");
        assertEquals(Optional.empty(), source.settings("smtp").get("s.listen"));
        assertEquals(Optional.empty(), source.settings("smtp").get("listen"));
        assertEquals(Optional.of("1.2.3.4:465"), source.settings("smtps").get("listen"));
    }

    @Test
    void readingAnAbsentKeyStillMarksItKnown() throws Exception {
        ConfigSource source = source(false, "a.b = 1");
        source.settings("a").integer("c", 0);
        assertEquals(1, source.unreadEntries().size());
        source.settings("").integer("a.b", 0);
        source.requireAllKeysRead();
    }
}
