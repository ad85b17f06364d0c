package org.tegami.imap.decode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** RFC 3501 date ({@code 1-Feb-2026}) and date-time ({@code "01-Feb-2026 13:05:09 +0100"}). */
public final class ImapDates {

    static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");

    private ImapDates() {
    }

    /** date-text: {@code d?d-Mon-yyyy}. */
    public static LocalDate parseDate(String text) throws BadCommandException {
        String[] p = text.split("-", -1);
        if (p.length != 3 || p[0].isEmpty() || p[0].length() > 2 || p[2].length() != 4) {
            throw new BadCommandException("Invalid date");
        }
        int month = MONTHS.indexOf(p[1].toUpperCase(Locale.ROOT)) + 1;
        try {
            return LocalDate.of(Integer.parseInt(p[2]), month, Integer.parseInt(p[0].trim()));
        } catch (NumberFormatException | DateTimeException e) {
            throw new BadCommandException("Invalid date");
        }
    }

    /** date-time: {@code dd-Mon-yyyy hh:mm:ss +zzzz}, the day may be space-padded. */
    public static OffsetDateTime parseDateTime(String text) throws BadCommandException {
        if (text.length() != 26 || text.charAt(11) != ' ' || text.charAt(20) != ' ') {
            throw new BadCommandException("Invalid date-time");
        }
        LocalDate date = parseDate(text.substring(0, 11).trim());
        try {
            int h = Integer.parseInt(text.substring(12, 14));
            int m = Integer.parseInt(text.substring(15, 17));
            int s = Integer.parseInt(text.substring(18, 20));
            if (text.charAt(14) != ':' || text.charAt(17) != ':') {
                throw new BadCommandException("Invalid date-time");
            }
            char sign = text.charAt(21);
            int zh = Integer.parseInt(text.substring(22, 24));
            int zm = Integer.parseInt(text.substring(24, 26));
            if (sign != '+' && sign != '-') {
                throw new BadCommandException("Invalid date-time");
            }
            int offset = (zh * 3600 + zm * 60) * (sign == '-' ? -1 : 1);
            return OffsetDateTime.of(date, java.time.LocalTime.of(h, m, s), ZoneOffset.ofTotalSeconds(offset));
        } catch (NumberFormatException | DateTimeException e) {
            throw new BadCommandException("Invalid date-time");
        }
    }
}
