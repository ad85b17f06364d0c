package org.tegami.routing.virtual;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.routing.address.RecipientDelimiter;
import org.tegami.routing.file.LogicalLine;
import org.tegami.routing.file.LogicalLines;
import org.tegami.routing.file.Parsed;

/**
 * Parses a virtual alias map in the style of Postfix virtual(5): {@code address target[,
 * target...]} or {@code @domain target} (catch-all), key and targets separated by blanks;
 * targets are full addresses separated by commas and/or blanks. Continuation lines start with
 * whitespace; {@code #} lines are comments. A bad line, or a repeated key (the first counts),
 * is reported and skipped. Pure: no file access.
 */
public final class VirtualParser {

    private VirtualParser() {
    }

    public static Parsed<List<VirtualEntry>> parse(Path file, String content) {
        List<VirtualEntry> entries = new ArrayList<>();
        List<ConfigException> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (LogicalLine line : LogicalLines.split(content)) {
            try {
                VirtualEntry entry = entry(line);
                Integer first = seen.putIfAbsent(entry.key(), line.number());
                if (first != null) {
                    throw new IllegalArgumentException("duplicate key \"" + entry.key() + "\" (first on line " + first + ")");
                }
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigException(file, line.number(), e.getMessage() + "; line skipped"));
            }
        }
        return new Parsed<>(List.copyOf(entries), problems);
    }

    /** As {@link #parse}, made into a lookup table. */
    public static Parsed<VirtualTable> parseTable(Path file, String content) {
        Parsed<List<VirtualEntry>> parsed = parse(file, content);
        return new Parsed<>(new VirtualTable(parsed.value()), parsed.problems());
    }

    private static VirtualEntry entry(LogicalLine line) {
        String[] words = line.text().split("[\\s,]+");
        if (words.length < 2) {
            throw new IllegalArgumentException("expected \"address target[, target...]\"");
        }
        String key = key(words[0]);
        List<MailAddress> targets = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            targets.add(target(words[i]));
        }
        return new VirtualEntry(key, targets, line.number());
    }

    private static String key(String word) {
        if (word.startsWith("@")) {
            String domain = word.substring(1).toLowerCase(Locale.ROOT);
            address("x@" + domain);
            return "@" + domain;
        }
        return RecipientDelimiter.key(address(word));
    }

    private static MailAddress target(String word) {
        if (word.indexOf('@') < 0) {
            throw new IllegalArgumentException("target \"" + word + "\" must be a full address (local@domain)");
        }
        return address(word);
    }

    private static MailAddress address(String word) {
        try {
            MailAddress address = MailAddress.parse(word);
            if (address.isNullSender()) {
                throw new IllegalArgumentException("empty address");
            }
            return address;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad address \"" + word + "\": " + e.getMessage());
        }
    }
}
