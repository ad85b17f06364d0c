package org.tegami.smtp.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Macro expansion of RFC 7208 section 7 for domain-specs and explanation strings. Also checks a
 * macro-string's syntax without expanding it, for the parser. Every syntax error is a
 * PERMERROR (7.1).
 */
final class MacroExpander {

    private static final String LETTERS = "slodiphcrtv";
    private static final String EXP_ONLY = "crt";
    private static final String DELIMITERS = ".-+,/_=";

    private final MacroContext context;

    MacroExpander(MacroContext context) {
        this.context = context;
    }

    /** Checks the syntax of a macro-string; c, r and t only when {@code explanation}. */
    static void checkSyntax(String macroString, boolean explanation) throws SpfException {
        run(null, macroString, "", explanation);
    }

    /** A domain-spec (or other macro-string outside exp) expanded for the domain {@code domain}. */
    String expand(String macroString, String domain) throws SpfException {
        return run(context, macroString, domain, false);
    }

    /** An explanation string (RFC 7208 6.2): spaces allowed, and the letters c, r and t. */
    String expandExplanation(String explainString, String domain) throws SpfException {
        return run(context, explainString, domain, true);
    }

    private static String run(MacroContext context, String s, String domain, boolean explanation)
            throws SpfException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                // macro-literal = %x21-24 / %x26-7E; explain-string also allows SP (7.1, 6.2)
                if (c < 0x21 && !(explanation && c == ' ') || c > 0x7E) {
                    throw SpfException.permerror("invalid character in macro-string");
                }
                out.append(c);
                i++;
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            switch (next) {
                case '%' -> out.append('%');
                case '_' -> out.append(' ');
                case '-' -> out.append("%20");
                case '{' -> {
                    int close = s.indexOf('}', i + 2);
                    if (close < 0) {
                        throw SpfException.permerror("unterminated macro");
                    }
                    out.append(macro(context, s.substring(i + 2, close), domain, explanation));
                    i = close - 1;
                }
                default -> throw SpfException.permerror("invalid % escape in macro-string");
            }
            i += 2;
        }
        return out.toString();
    }

    /** One {@code %{...}} body: letter, transformers (digits, r), delimiters (7.1). */
    private static String macro(MacroContext context, String body, String domain, boolean explanation)
            throws SpfException {
        if (body.isEmpty() || LETTERS.indexOf(Character.toLowerCase(body.charAt(0))) < 0) {
            throw SpfException.permerror("unknown macro letter");
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        if (!explanation && EXP_ONLY.indexOf(lower) >= 0) {
            throw SpfException.permerror("macro %{" + lower + "} is only allowed in exp");
        }
        int j = 1;
        while (j < body.length() && Character.isDigit(body.charAt(j)) && body.charAt(j) < 0x80) {
            j++;
        }
        String digits = body.substring(1, j);
        int keep = Integer.MAX_VALUE;
        if (!digits.isEmpty()) {
            String trimmed = digits.replaceFirst("^0+", "");
            if (trimmed.isEmpty()) {
                throw SpfException.permerror("macro transformer of 0 parts"); // 7.3: MUST be nonzero
            }
            keep = trimmed.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(trimmed);
        }
        boolean reverse = j < body.length() && Character.toLowerCase(body.charAt(j)) == 'r';
        String delimiters = body.substring(reverse ? j + 1 : j);
        for (int k = 0; k < delimiters.length(); k++) {
            if (DELIMITERS.indexOf(delimiters.charAt(k)) < 0) {
                throw SpfException.permerror("invalid macro delimiter");
            }
        }
        if (context == null) {
            return "";
        }
        String value = transform(context.value(lower, domain), delimiters.isEmpty() ? "." : delimiters, reverse, keep);
        return Character.isUpperCase(letter) ? urlEscape(value) : value;
    }

    /** RFC 7208 7.3: split on the delimiters, reverse, keep the rightmost parts, join with dots. */
    private static String transform(String value, String delimiters, boolean reverse, int keep) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < value.length(); k++) {
            if (delimiters.indexOf(value.charAt(k)) >= 0) {
                parts.add(value.substring(start, k));
                start = k + 1;
            }
        }
        parts.add(value.substring(start));
        if (reverse) {
            Collections.reverse(parts);
        }
        if (keep < parts.size()) {
            parts = parts.subList(parts.size() - keep, parts.size());
        }
        return String.join(".", parts);
    }

    /** Uppercase macro letters are URL-escaped (7.3): all but RFC 3986 unreserved characters. */
    private static String urlEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
