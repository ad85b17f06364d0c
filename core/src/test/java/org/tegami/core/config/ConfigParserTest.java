package org.tegami.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ConfigException;

class ConfigParserTest {

    private static final Path FILE = Path.of("conf/tegami.conf");

    private static ParsedConfig parse(String... lines) {
        return ConfigParser.parse(FILE, List.of(lines));
    }

    @Test
    void readsKeysValuesCommentsAndBlankLines() {
        ParsedConfig c = parse("# comment", "", "   ", "  # indented comment", "hostname = mx.example.org",
                "dns.resolver =", "routing.recipient-delimiter=+", "smtp.banner = hello # not a comment");
        assertTrue(c.problems().isEmpty());
        assertEquals("mx.example.org", c.entries().get("hostname").value());
        assertEquals(5, c.entries().get("hostname").line());
        assertEquals("", c.entries().get("dns.resolver").value());
        assertEquals("+", c.entries().get("routing.recipient-delimiter").value());
        assertEquals("hello # not a comment", c.entries().get("smtp.banner").value());
    }

    @Test
    void valueMayContainEqualsSign() {
        assertEquals("a=b", parse("x.y = a=b").entries().get("x.y").value());
    }

    @Test
    void lineWithoutEqualsIsAnErrorNamingFileAndLine() {
        ParsedConfig c = parse("hostname = a", "", "smtp.listen 127.0.0.1:25");
        assertEquals(1, c.problems().size());
        assertEquals("conf/tegami.conf:3: expected 'key = value', found \"smtp.listen 127.0.0.1:25\"",
                c.problems().get(0).getMessage());
    }

    @Test
    void duplicateKeyIsAnErrorNamingBothLines() {
        ParsedConfig c = parse("hostname = a", "hostname = b");
        assertEquals("conf/tegami.conf:2: hostname: set twice (first on line 1)", c.problems().get(0).getMessage());
        assertEquals("a", c.entries().get("hostname").value());
    }

    @Test
    void missingAndMalformedKeys() {
        ParsedConfig c = parse("= value", "Smtp.Listen = x", "smtp listen = x");
        assertEquals(3, c.problems().size());
        assertEquals("conf/tegami.conf:1: missing key before '='", c.problems().get(0).getMessage());
        assertEquals(2, c.problems().get(1).line());
        assertEquals(3, c.problems().get(2).line());
    }

    @Test
    void reportsEveryBadLineNotOnlyTheFirst() {
        assertEquals(3, parse("a", "b = 1", "c", "b = 2").problems().size());
    }

    @Test
    void byteOrderMarkAndCarriageReturnsAreTolerated() {
        ParsedConfig c = parse("\uFEFFhostname = a\r", "domains = x\r");
        assertTrue(c.problems().isEmpty());
        assertEquals("a", c.entries().get("hostname").value());
        assertEquals("x", c.entries().get("domains").value());
    }

    @Test
    void missingFileMeansNoEntries(@TempDir Path dir) throws Exception {
        assertTrue(ConfigParser.read(dir.resolve("tegami.conf")).entries().isEmpty());
    }

    @Test
    void strictLoadThrowsTheFirstProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tegami.conf"), "hostname = a\nbogus\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigSource.load(dir));
        assertEquals(2, e.line());
        assertEquals(dir.resolve("tegami.conf"), e.file());
    }
}
