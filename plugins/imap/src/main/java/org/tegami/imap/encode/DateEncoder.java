package org.tegami.imap.encode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** INTERNALDATE's date-time: {@code "27-Nov-2026 21:58:35 +0000"} (RFC 3501 9). */
public final class DateEncoder {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ENGLISH);

    private DateEncoder() {
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return '"' + FORMAT.format(instant.atZone(zone)) + '"';
    }
}
