package org.tegami.imap.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message identifiers of Message-ID:, References: and In-Reply-To: (RFC 5322 3.6.4), as
 * THREAD=REFERENCES reads them (RFC 5256 step 1): each {@code <id-left@id-right>} between angle
 * brackets, anything else (phrases in In-Reply-To:, comments, broken ids) skipped. Identifiers
 * keep their case: RFC 5256 compares them case-sensitively.
 */
public final class MessageIds {

    /** No whitespace, brackets or second {@code @}: folding and comments never sit inside an id. */
    private static final Pattern MSG_ID = Pattern.compile("<([^<>\\s@]+@[^<>\\s@]+)>");

    private MessageIds() {
    }

    /** The valid identifiers in the field, in order, without their angle brackets. */
    public static List<String> all(String field) {
        List<String> ids = new ArrayList<>();
        if (field == null) {
            return ids;
        }
        Matcher m = MSG_ID.matcher(field);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The first valid identifier in the field, or {@code null}. */
    public static String first(String field) {
        List<String> ids = all(field);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * RFC 5256 step 1: the identifiers of References:, or when it has none the first one of
     * In-Reply-To:, or none.
     */
    public static List<String> references(String references, String inReplyTo) {
        List<String> ids = all(references);
        if (ids.isEmpty()) {
            String first = first(inReplyTo);
            if (first != null) {
                ids.add(first);
            }
        }
        return ids;
    }
}
