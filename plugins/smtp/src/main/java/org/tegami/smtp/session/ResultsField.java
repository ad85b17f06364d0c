package org.tegami.smtp.session;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Reads the authserv-id of an {@code Authentication-Results:} header field (RFC 8601 2.2). */
final class ResultsField {

    private static final String NAME = "authentication-results";

    private ResultsField() {
    }

    /**
     * The authserv-id, lower-cased, if the field is an Authentication-Results field; empty
     * otherwise (another field, or no id).
     *
     * @param field a header field as received: name, colon, value, folded lines with their CRLFs
     */
    static Optional<String> authservId(byte[] field, int length) {
        String text = new String(field, 0, length, StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(':');
        if (colon < 0 || !text.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(NAME)) {
            return Optional.empty();
        }
        String value = text.substring(colon + 1).replace("\r\n", "").replace("\n", "");
        int i = skipCfws(value, 0);
        if (i < 0 || i >= value.length()) {
            return Optional.empty();
        }
        StringBuilder id = new StringBuilder();
        if (value.charAt(i) == '"') {
            // quoted-string: the id is its content
            for (i++; i < value.length() && value.charAt(i) != '"'; i++) {
                char c = value.charAt(i) == '\\' && i + 1 < value.length() ? value.charAt(++i) : value.charAt(i);
                id.append(c);
            }
            if (i >= value.length()) {
                return Optional.empty();
            }
        } else {
            for (; i < value.length() && " \t;(".indexOf(value.charAt(i)) < 0; i++) {
                id.append(value.charAt(i));
            }
        }
        return id.isEmpty() ? Optional.empty() : Optional.of(id.toString().toLowerCase(Locale.ROOT));
    }

    /** The index after white space and (nested) comments, or -1 inside an unclosed comment. */
    private static int skipCfws(String s, int from) {
        int i = from;
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == '\\' && depth > 0) {
                i++;
            } else if (depth == 0 && c != ' ' && c != '\t') {
                return i;
            }
            i++;
        }
        return depth > 0 ? -1 : i;
    }
}
