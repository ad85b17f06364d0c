package org.tegami.core.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tegami.api.ConfigException;
import org.tegami.core.config.ValueParser;

/**
 * Parses Dovecot's passwd-file format:
 * {@code user:{SCHEME}hash[:uid:gid:gecos:home:shell:extra_fields]}, where the extra fields
 * are space-separated {@code key=value} pairs (everything after the seventh colon, so values
 * may contain colons). Comments start with {@code #}. A bad line is reported and skipped; the
 * other lines still count.
 *
 * <p>Quota: {@code userdb_quota_rule=*:storage=1G} (or {@code quota_rule=}) as Dovecot's quota
 * plugin writes it, or the shorter {@code quota=1G}.
 */
public final class PasswdFileParser {

    private static final int EXTRA_FIELDS_INDEX = 7;

    private PasswdFileParser() {
    }

    public static PasswdFile parse(Path file, List<String> lines) {
        Map<String, PasswdEntry> users = new HashMap<>();
        List<ConfigException> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            try {
                PasswdEntry entry = parseLine(line, number);
                PasswdEntry first = users.putIfAbsent(entry.name(), entry);
                if (first != null) {
                    throw new IllegalArgumentException(
                            "user " + entry.name() + " listed twice (first on line " + first.line() + "); line ignored");
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigException(file, number, e.getMessage()));
            }
        }
        return new PasswdFile(file, users, problems);
    }

    /** The user name field of a line, lower-case, or null for comments and blank lines. */
    public static String nameOf(String line) {
        if (line.isBlank() || line.strip().startsWith("#")) {
            return null;
        }
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
    }

    private static PasswdEntry parseLine(String line, int number) {
        String[] fields = line.split(":", -1);
        String name = fields[0].toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !name.equals(name.strip()) || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad user name \"" + fields[0] + "\"");
        }
        if (fields.length < 2 || fields[1].isEmpty()) {
            throw new IllegalArgumentException(name + ": no password");
        }
        String password = fields[1];
        if (PasswordSchemes.parse(password).isEmpty()) {
            throw new IllegalArgumentException(name + ": " + PasswordSchemes.problem(password));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        if (fields.length > EXTRA_FIELDS_INDEX) {
            String joined = String.join(":", List.of(fields).subList(EXTRA_FIELDS_INDEX, fields.length));
            for (String pair : joined.strip().split("\\s+")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                extra.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        long quota = quota(name, extra);
        return new PasswdEntry(name, password, number, quota, extra);
    }

    private static long quota(String name, Map<String, String> extra) {
        long quota = 0;
        for (String key : List.of("userdb_quota_rule", "quota_rule")) {
            String rule = extra.remove(key);
            if (rule != null) {
                int at = rule.indexOf("storage=");
                if (!rule.startsWith("*:") || at < 0) {
                    throw new IllegalArgumentException(name + ": quota rule not of the form *:storage=SIZE: \"" + rule + "\"");
                }
                quota = size(name, rule.substring(at + "storage=".length()));
            }
        }
        for (String key : List.of("userdb_quota", "quota")) {
            String value = extra.remove(key);
            if (value != null) {
                quota = size(name, value);
            }
        }
        return quota;
    }

    private static long size(String name, String value) {
        try {
            return ValueParser.bytes(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": quota " + e.getMessage());
        }
    }
}
