package org.tegami.imap.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The day of an RFC 5322 Date: header ({@code Tue, 1 Jul 2003 10:52:37 +0200}), leniently. */
final class SentDate {

    private static final Pattern DAY = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    private SentDate() {
    }

    /** The date, or {@code null} when there is none that can be read. */
    static LocalDate parse(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = DAY.matcher(header);
        if (!m.find()) {
            return null;
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 50 ? 2000 : 1900; // RFC 5322 4.3 obsolete two-digit years
        }
        try {
            return LocalDate.of(year, month, Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
