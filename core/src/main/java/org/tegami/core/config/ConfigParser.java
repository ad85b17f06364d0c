package org.tegami.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tegami.api.ConfigException;

/**
 * Parses the {@code key = value} format of {@code conf/tegami.conf}: one setting per line,
 * {@code #} at the start of a line (after blanks) makes a comment, blank lines are ignored.
 * A {@code #} later in a line is part of the value, so values may contain it. A line without
 * {@code =}, a malformed key and a key set twice are errors; parsing goes on after an error so
 * that every problem can be reported at once.
 */
public final class ConfigParser {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private ConfigParser() {
    }

    /** Reads and parses a file; a missing file parses as empty (all defaults). */
    public static ParsedConfig read(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            lines = List.of();
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
        return parse(file, lines);
    }

    /** Parses lines already read; {@code file} is only used in messages. */
    public static ParsedConfig parse(Path file, List<String> lines) {
        Map<String, ConfigEntry> entries = new LinkedHashMap<>();
        List<ConfigException> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = stripBom(lines.get(i), i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(new ConfigException(file, number, "expected 'key = value', found \"" + shorten(line) + "\""));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (key.isEmpty()) {
                problems.add(new ConfigException(file, number, "missing key before '='"));
            } else if (!KEY.matcher(key).matches()) {
                problems.add(new ConfigException(file, number,
                        "bad key \"" + shorten(key) + "\" (lower-case letters, digits, '.', '-', '_')"));
            } else if (entries.containsKey(key)) {
                problems.add(new ConfigException(file, number,
                        key + ": set twice (first on line " + entries.get(key).line() + ")"));
            } else {
                entries.put(key, new ConfigEntry(key, value, number));
            }
        }
        return new ParsedConfig(file, entries, problems);
    }

    private static String stripBom(String line, int index) {
        return index == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
