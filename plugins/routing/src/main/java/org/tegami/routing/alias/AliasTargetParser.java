package org.tegami.routing.alias;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tegami.api.MailAddress;

/**
 * Parses the comma-separated target list of an aliases(5) entry or include file. Double
 * quotes protect commas and blanks ({@code "|/usr/bin/vacation -a alice"}); relative file and
 * include paths resolve against the directory of the file they are written in.
 */
final class AliasTargetParser {

    private static final String INCLUDE = ":include:";

    private AliasTargetParser() {
    }

    /**
     * @param text the targets, comma-separated
     * @param baseDir the directory relative paths resolve against
     * @return the targets; empty if the text holds none
     * @throws IllegalArgumentException with an operator-facing reason for a malformed target
     */
    static List<AliasTarget> parse(String text, Path baseDir) {
        List<AliasTarget> targets = new ArrayList<>();
        for (String item : splitOutsideQuotes(text)) {
            String raw = item.strip();
            String t = unquote(raw);
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals(raw) && !t.startsWith("|") && t.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("blank inside \"" + t + "\" (separate targets with commas, or quote it)");
            }
            targets.add(target(t, baseDir));
        }
        return targets;
    }

    private static AliasTarget target(String t, Path baseDir) {
        if (t.startsWith("|")) {
            String command = t.substring(1).strip();
            if (command.isEmpty()) {
                throw new IllegalArgumentException("empty command after |");
            }
            return new AliasTarget.Command(command);
        }
        if (t.regionMatches(true, 0, INCLUDE, 0, INCLUDE.length())) {
            String path = t.substring(INCLUDE.length()).strip();
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty path after :include:");
            }
            return new AliasTarget.Include(baseDir.resolve(path).normalize());
        }
        if (t.startsWith("/")) {
            return new AliasTarget.File(Path.of(t).normalize());
        }
        if (t.indexOf('@') >= 0) {
            try {
                MailAddress address = MailAddress.parse(t);
                if (address.isNullSender()) {
                    throw new IllegalArgumentException("empty address");
                }
                return new AliasTarget.Address(address);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad address \"" + t + "\": " + e.getMessage());
            }
        }
        if (!AliasesParser.isValidName(t)) {
            throw new IllegalArgumentException("bad target \"" + t + "\"");
        }
        return new AliasTarget.LocalName(t);
    }

    /** Splits at commas that are not inside double quotes; the quotes stay. */
    static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced double quote");
        }
        parts.add(current.toString());
        return parts;
    }

    /** {@code "x y"} becomes {@code x y}; anything else stays as it is. */
    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
