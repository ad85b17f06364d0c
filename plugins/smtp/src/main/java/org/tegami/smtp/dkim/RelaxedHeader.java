package org.tegami.smtp.dkim;

import java.util.Locale;

/** The "relaxed" header canonicalization of RFC 6376 3.4.2. */
public final class RelaxedHeader {

    private RelaxedHeader() {
    }

    /**
     * Lower-cases the name, unfolds the value, turns each run of spaces and tabs into one space,
     * drops white space at the end of the value and around the colon, and ends with CRLF.
     *
     * @param raw one whole field, with or without its final CRLF
     */
    public static String canonicalize(String raw) {
        int colon = raw.indexOf(':');
        String name = raw.substring(0, colon).stripTrailing().toLowerCase(Locale.ROOT);
        String value = raw.substring(colon + 1).replace("\r\n", "");
        StringBuilder out = new StringBuilder(name.length() + value.length() + 3).append(name).append(':');
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                space = true;
            } else {
                // White space before the first character of the value goes (after the colon).
                if (space && out.length() > name.length() + 1) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.append("\r\n").toString();
    }
}
