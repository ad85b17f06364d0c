package org.tegami.smtp.dkim;

import java.util.Locale;

/**
 * One header field as it appears in the message, folding included.
 *
 * @param name the field name as written (without trailing white space)
 * @param raw the whole field, name, colon, value and continuation lines, with its final CRLF,
 *     bytes kept one to one as ISO-8859-1 characters
 */
public record HeaderField(String name, String raw) {

    /** Whether this field has the name, ignoring case (RFC 5322 1.2.2). */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** The name in lower case, as DKIM compares names. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The value: everything after the first colon, folding and final CRLF kept. */
    public String value() {
        return raw.substring(raw.indexOf(':') + 1);
    }
}
