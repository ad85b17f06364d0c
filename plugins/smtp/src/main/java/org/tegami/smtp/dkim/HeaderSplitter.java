package org.tegami.smtp.dkim;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a header section (RFC 5322 2.2) into {@link HeaderField}s: a line that starts with
 * a space or tab continues the field before it (2.2.3). Lines without a colon, which are not
 * fields, are dropped; DKIM cannot sign them anyway.
 */
public final class HeaderSplitter {

    private HeaderSplitter() {
    }

    /**
     * @param section the header section, ISO-8859-1 decoded, CRLF line ends, without the empty
     *     line that ends it
     */
    public static List<HeaderField> split(String section) {
        List<HeaderField> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int at = 0;
        while (at < section.length()) {
            int end = section.indexOf("\r\n", at);
            int next = end < 0 ? section.length() : end + 2;
            String line = end < 0 ? section.substring(at) + "\r\n" : section.substring(at, next);
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (!continuation) {
                add(fields, current);
                current.setLength(0);
            }
            current.append(line);
            at = next;
        }
        add(fields, current);
        return fields;
    }

    private static void add(List<HeaderField> fields, StringBuilder raw) {
        int colon = raw.indexOf(":");
        if (colon <= 0) {
            return;
        }
        String name = raw.substring(0, colon).stripTrailing();
        if (name.isEmpty() || name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0 || name.indexOf('\r') >= 0) {
            return;
        }
        fields.add(new HeaderField(name, raw.toString()));
    }
}
