package org.tegami.core.spool;

import java.util.ArrayList;
import java.util.List;
import org.tegami.api.MailAddress;

/**
 * Pulls the addresses out of an RFC 5322 3.4 address-list header value ({@code To}, {@code Cc},
 * {@code Bcc}, {@code From}): display names, comments, quoted strings and groups are skipped.
 * Text that holds no valid address is ignored.
 */
public final class HeaderAddresses {

    private HeaderAddresses() {
    }

    public static List<MailAddress> parse(String value) {
        List<MailAddress> out = new ArrayList<>();
        for (String token : split(stripComments(value))) {
            String t = token.strip();
            int colon = indexOutsideQuotes(t, ':');
            int angle = t.indexOf('<');
            if (colon >= 0 && (angle < 0 || colon < angle)) {
                t = t.substring(colon + 1).strip(); // RFC 5322 3.4 group: "name: a, b;"
            }
            if (t.endsWith(";")) {
                t = t.substring(0, t.length() - 1).strip();
            }
            int close = t.lastIndexOf('>');
            if (angle >= 0 && close > angle) {
                t = t.substring(t.indexOf('<') + 1, t.lastIndexOf('>'));
            }
            if (t.isEmpty() || t.indexOf('@') < 0) {
                continue;
            }
            try {
                out.add(MailAddress.parse(t));
            } catch (IllegalArgumentException e) {
                // not an address; nothing to deliver to
            }
        }
        return out;
    }

    private static String stripComments(String s) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                if (depth == 0) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                b.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
            } else if (depth == 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        boolean angled = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angled = true;
            } else if (c == '>' && !quoted) {
                angled = false;
            } else if ((c == ',' || c == ';') && !quoted && !angled) {
                parts.add(s.substring(start, i + (c == ';' ? 1 : 0)));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static int indexOutsideQuotes(String s, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
