package org.tegami.imap.encode;

import java.nio.charset.StandardCharsets;

/**
 * Writes strings in IMAP syntax (RFC 3501 4.3, 4.5): {@code NIL}, a quoted string when the
 * text allows it, otherwise a literal. 8-bit text is quoted only once the client has enabled
 * UTF8=ACCEPT (RFC 6855 3); before that it goes in a literal.
 */
public final class ImapStrings {

    private ImapStrings() {
    }

    /** nstring: NIL for {@code null}. */
    public static void nstring(StringBuilder out, String value, boolean utf8) {
        if (value == null) {
            out.append("NIL");
        } else {
            string(out, value, utf8);
        }
    }

    public static String nstring(String value) {
        StringBuilder out = new StringBuilder();
        nstring(out, value, false);
        return out.toString();
    }

    /** A quoted string or a literal. */
    public static void string(StringBuilder out, String value, boolean utf8) {
        if (quotable(value, utf8)) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            out.append('{').append(value.getBytes(StandardCharsets.UTF_8).length).append("}\r\n").append(value);
        }
    }

    /** An astring: the plain atom when possible (mailbox names in LIST look nicer that way). */
    public static void astring(StringBuilder out, String value, boolean utf8) {
        if (!value.isEmpty() && isAtom(value) && !value.equalsIgnoreCase("NIL")) {
            out.append(value);
        } else {
            string(out, value, utf8);
        }
    }

    static boolean quotable(String value, boolean utf8) {
        if (value.length() > 1000) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || (c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
            if (c > 0x7f && !utf8) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtom(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
