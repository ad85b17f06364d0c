package org.tegami.imap.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instant of an RFC 5322 Date: header (3.3), for SORT DATE, which compares sent dates in
 * UTC (RFC 5256 3). Lenient about the day name, seconds, two-digit years and the obsolete
 * zone names (4.3); a missing zone counts as {@code -0000}, i.e. UTC.
 */
final class HeaderDate {

    private static final Pattern DATE_TIME = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\.?\\s+(\\d{2,4})\\s+"
            + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s+([+-]\\d{4}|[A-Za-z]{1,5}))?");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    /** RFC 5322 4.3 obs-zone; military zones and unknown names count as -0000. */
    private static final Map<String, Integer> ZONES = Map.of("UT", 0, "GMT", 0, "EST", -5, "EDT", -4, "CST", -6,
            "CDT", -5, "MST", -7, "MDT", -6, "PST", -8, "PDT", -7);

    private HeaderDate() {
    }

    /** The instant, or {@code null} when the header is missing or cannot be read. */
    static Instant parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(header);
        if (!m.find()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900;
        } else if (m.group(3).length() == 3) {
            year += 1900; // RFC 5322 4.3: three digits count from 1900
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return local.toInstant(offset(m.group(7)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            int hours = Integer.parseInt(zone.substring(1, 3));
            int minutes = Integer.parseInt(zone.substring(3, 5));
            if (hours > 18 || minutes > 59) {
                throw new DateTimeException("zone out of range: " + zone);
            }
            return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
        }
        return ZoneOffset.ofHours(ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), 0));
    }
}
