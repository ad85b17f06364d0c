package org.tegami.routing.alias;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tegami.api.ConfigException;
import org.tegami.routing.file.LogicalLine;
import org.tegami.routing.file.LogicalLines;
import org.tegami.routing.file.Parsed;

/**
 * Parses an aliases(5) file: {@code name: target, target, ...}, continuation lines start with
 * whitespace, {@code #} lines are comments. The name may be quoted ({@code "john doe": john})
 * and may carry a domain ({@code sales@example.org: bob}); names are case-insensitive. A bad
 * line, or a repeated name (the first one counts, as with postalias), is reported and skipped.
 * Pure: no file access.
 */
public final class AliasesParser {

    private AliasesParser() {
    }

    /**
     * @param file the file's path, for messages and as the base of relative include paths
     * @param content the file's text
     */
    public static Parsed<List<AliasEntry>> parse(Path file, String content) {
        Path baseDir = file.toAbsolutePath().getParent();
        List<AliasEntry> entries = new ArrayList<>();
        List<ConfigException> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (LogicalLine line : LogicalLines.split(content)) {
            try {
                AliasEntry entry = entry(line, baseDir);
                Integer first = seen.putIfAbsent(entry.key(), line.number());
                if (first != null) {
                    throw new IllegalArgumentException("duplicate alias \"" + entry.key() + "\" (first on line " + first + ")");
                }
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigException(file, line.number(), e.getMessage() + "; line skipped"));
            }
        }
        return new Parsed<>(List.copyOf(entries), problems);
    }

    private static AliasEntry entry(LogicalLine line, Path baseDir) {
        String text = line.text();
        int colon = nameEnd(text);
        if (colon < 0) {
            throw new IllegalArgumentException("expected \"name: target, ...\"");
        }
        String name = AliasTargetParser.unquote(text.substring(0, colon).strip()).toLowerCase(Locale.ROOT);
        String domain = null;
        int at = name.lastIndexOf('@');
        if (at >= 0) {
            domain = name.substring(at + 1);
            name = name.substring(0, at);
            if (domain.isEmpty() || domain.contains("..") || domain.startsWith(".") || domain.endsWith(".")) {
                throw new IllegalArgumentException("bad domain in alias name");
            }
        }
        if (!isValidName(name)) {
            throw new IllegalArgumentException("bad alias name \"" + name + "\"");
        }
        List<AliasTarget> targets = AliasTargetParser.parse(text.substring(colon + 1), baseDir);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("alias \"" + name + "\" has no targets");
        }
        return new AliasEntry(name, domain, targets, line.number());
    }

    /** The index of the first colon outside double quotes, or -1. */
    private static int nameEnd(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** A local name: not empty, no control characters, and no {@code @ , : "}. */
    static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return false;
        }
        return name.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '@' || c == ',' || c == ':' || c == '"');
    }
}
