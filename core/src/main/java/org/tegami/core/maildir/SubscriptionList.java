package org.tegami.core.maildir;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Dovecot 2.3's {@code subscriptions} file, version 2: the header {@code V<TAB>2} and an empty
 * line, then one folder per line with its hierarchy levels separated by TAB, each level
 * tab-escaped (byte 1 then {@code 1}, {@code t}, {@code r} or {@code n} for 0x01, TAB, CR, LF).
 * Older files without the header have one name per line as it is. Parsing and formatting only.
 */
final class SubscriptionList {

    static final String HEADER = "V\t2\n\n";

    private SubscriptionList() {
    }

    /** Folder names, {@code /}-separated. */
    static Set<String> parse(String text) {
        Set<String> out = new LinkedHashSet<>();
        boolean v2 = text.startsWith(HEADER);
        String body = v2 ? text.substring(HEADER.length()) : text;
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (!v2) {
                out.add(line);
                continue;
            }
            StringBuilder name = new StringBuilder();
            for (String level : line.split("\t", -1)) {
                if (name.length() > 0) {
                    name.append('/');
                }
                name.append(unescape(level));
            }
            out.add(name.toString());
        }
        return out;
    }

    static String format(Collection<String> names) {
        StringBuilder out = new StringBuilder(HEADER);
        for (String name : names) {
            String[] levels = name.split("/", -1);
            for (int i = 0; i < levels.length; i++) {
                if (i > 0) {
                    out.append('\t');
                }
                out.append(escape(levels[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\u0001' -> out.append("\u00011");
                case '\t' -> out.append("\u0001t");
                case '\r' -> out.append("\u0001r");
                case '\n' -> out.append("\u0001n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0001' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case '1' -> '\u0001';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
