package org.tegami.imap.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A structured MIME value with parameters: {@code Content-Type: text/plain; charset="utf-8"}
 * or {@code Content-Disposition: attachment; filename=a.pdf} (RFC 2045 5.1, RFC 2183).
 * Comments in parentheses are dropped; parameter values keep their case, names are upper-cased.
 *
 * @param value the main value, lower case ({@code text/plain}, {@code attachment}), or empty
 * @param parameters name/value pairs in order
 */
public record ParameterizedValue(String value, List<Parameter> parameters) {

    /** One parameter. */
    public record Parameter(String name, String value) {
    }

    public ParameterizedValue {
        parameters = List.copyOf(parameters);
    }

    /** The value of a parameter (any case), or {@code null}. */
    public String parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    public static ParameterizedValue parse(String text) {
        if (text == null) {
            return new ParameterizedValue("", List.of());
        }
        String s = stripComments(text);
        List<String> pieces = split(s);
        String value = pieces.isEmpty() ? "" : pieces.get(0).strip().toLowerCase(Locale.ROOT);
        List<Parameter> params = new ArrayList<>();
        for (int i = 1; i < pieces.size(); i++) {
            String p = pieces.get(i);
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String v = p.substring(eq + 1).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = unquote(v.substring(1, v.length() - 1));
            }
            if (!name.isEmpty()) {
                params.add(new Parameter(name, v));
            }
        }
        return new ParameterizedValue(value, params);
    }

    /** Splits at semicolons outside quoted strings. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0 || !out.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String stripComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (quoted || depth > 0)) {
                if (depth == 0) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (c == '"' && depth == 0) {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                depth++;
                continue;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
                continue;
            }
            if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unquote(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
