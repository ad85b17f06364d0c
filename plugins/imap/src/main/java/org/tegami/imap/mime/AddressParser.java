package org.tegami.imap.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses RFC 5322 address lists (3.4) as found in the wild: {@code Name <a@b>},
 * {@code "Last, First" <a@b>}, {@code a@b (Name)}, groups {@code team: a@b, c@d;}, and the
 * obsolete route syntax {@code <@relay:a@b>}. Never fails: what cannot be understood becomes a
 * mailbox without host, as Dovecot does.
 */
public final class AddressParser {

    private final String s;
    private int pos;

    private AddressParser(String s) {
        this.s = s;
    }

    public static List<Address> parse(String text) {
        List<Address> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        new AddressParser(text).list(out);
        return out;
    }

    private void list(List<Address> out) {
        while (pos < s.length()) {
            StringBuilder phrase = new StringBuilder();
            String comment = null;
            boolean done = false;
            int phraseWords = 0;
            while (pos < s.length() && !done) {
                char c = s.charAt(pos);
                switch (c) {
                    case ',' -> {
                        pos++;
                        done = true;
                        addPlain(phrase.toString().strip(), comment, out);
                    }
                    case ':' -> {
                        pos++;
                        out.add(Address.groupStart(phrase.toString().strip()));
                        phrase.setLength(0);
                        phraseWords = 0;
                    }
                    case ';' -> {
                        pos++;
                        addPlain(phrase.toString().strip(), comment, out);
                        phrase.setLength(0);
                        comment = null;
                        out.add(Address.groupEnd());
                    }
                    case '<' -> {
                        pos++;
                        String angle = until('>');
                        addAngle(phrase.toString().strip(), angle, out);
                        phrase.setLength(0);
                        comment = null;
                        skipTo(",;");
                    }
                    case '"' -> {
                        pos++;
                        String q = quoted();
                        phrase.append(phraseWords++ > 0 && phrase.length() > 0 ? " " : "").append(q);
                    }
                    case '(' -> {
                        String cm = comment();
                        if (comment == null) {
                            comment = cm;
                        }
                    }
                    default -> {
                        pos++;
                        if (Character.isWhitespace(c)) {
                            if (phrase.length() > 0 && phrase.charAt(phrase.length() - 1) != ' ') {
                                phrase.append(' ');
                            }
                        } else {
                            phrase.append(c);
                        }
                    }
                }
            }
            if (!done) {
                addPlain(phrase.toString().strip(), comment, out);
            }
        }
    }

    /** A bare {@code local@domain}, with an optional comment used as the name. */
    private static void addPlain(String text, String comment, List<Address> out) {
        if (text.isEmpty()) {
            return;
        }
        int at = text.lastIndexOf('@');
        String local = at < 0 ? text : text.substring(0, at);
        String host = at < 0 ? null : text.substring(at + 1);
        out.add(new Address(comment == null || comment.isBlank() ? null : comment.strip(), null,
                local.replace(" ", ""), host == null ? null : host.replace(" ", "")));
    }

    private static void addAngle(String name, String angle, List<Address> out) {
        String route = null;
        String spec = angle.strip();
        if (spec.startsWith("@")) {
            int colon = spec.indexOf(':');
            if (colon > 0) {
                route = spec.substring(0, colon);
                spec = spec.substring(colon + 1);
            }
        }
        int at = spec.lastIndexOf('@');
        String local = at < 0 ? spec : spec.substring(0, at);
        String host = at < 0 ? null : spec.substring(at + 1);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1);
        }
        out.add(new Address(name.isEmpty() ? null : name, route, local, host));
    }

    private String until(char end) {
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != end) {
            pos++;
        }
        String out = s.substring(start, pos);
        if (pos < s.length()) {
            pos++;
        }
        return out;
    }

    private void skipTo(String stops) {
        while (pos < s.length() && stops.indexOf(s.charAt(pos)) < 0) {
            if (s.charAt(pos) == '(') {
                comment();
            } else {
                pos++;
            }
        }
        if (pos < s.length() && s.charAt(pos) == ',') {
            pos++;
        }
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c == '\\' && pos < s.length()) {
                c = s.charAt(pos++);
            }
            out.append(c);
        }
        return out.toString();
    }

    private String comment() {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length()) {
                out.append(s.charAt(pos++));
                continue;
            }
            if (c == '(') {
                if (depth++ == 0) {
                    continue;
                }
            } else if (c == ')') {
                if (--depth == 0) {
                    break;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
