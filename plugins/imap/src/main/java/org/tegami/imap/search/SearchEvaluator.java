package org.tegami.imap.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.tegami.imap.mime.EncodedWords;
import org.tegami.imap.mime.MimeHeader;

/**
 * Decides whether a message matches a {@link SearchKey} (RFC 3501 6.4.4). String keys match
 * case-insensitive substrings of the decoded text (RFC 2047 words, quoted-printable, base64,
 * the part's charset). Dates compare days in the server's time zone, as the RFC leaves it to
 * the server; SENT* keys use the Date: header and ignore its time and zone. Not thread-safe.
 */
public final class SearchEvaluator {

    private final long largestSequence;
    private final long largestUid;
    private final ZoneId zone;
    private final java.util.Set<Long> savedUids;

    public SearchEvaluator(long largestSequence, long largestUid, ZoneId zone) {
        this(largestSequence, largestUid, zone, java.util.Set.of());
    }

    /** @param savedUids the result {@code $} stands for (RFC 5182) */
    public SearchEvaluator(long largestSequence, long largestUid, ZoneId zone, java.util.Set<Long> savedUids) {
        this.largestSequence = largestSequence;
        this.largestUid = largestUid;
        this.zone = zone;
        this.savedUids = savedUids;
    }

    public boolean matches(SearchKey key, SearchTarget m) throws IOException {
        if (key instanceof SearchKey.All) {
            return true;
        } else if (key instanceof SearchKey.HasFlag f) {
            return m.info().has(f.flag()) == f.set();
        } else if (key instanceof SearchKey.Keyword k) {
            boolean has = m.info().keywords().stream().anyMatch(x -> x.equalsIgnoreCase(k.keyword()));
            return has == k.set();
        } else if (key instanceof SearchKey.Recent) {
            return m.info().recent();
        } else if (key instanceof SearchKey.Size s) {
            return s.larger() ? m.info().size() > s.octets() : m.info().size() < s.octets();
        } else if (key instanceof SearchKey.Sequence s) {
            if (s.set().saved()) {
                return savedUids.contains(m.info().uid());
            }
            return s.uid() ? s.set().contains(m.info().uid(), largestUid)
                    : s.set().contains(m.sequence(), largestSequence);
        } else if (key instanceof SearchKey.Not n) {
            return !matches(n.key(), m);
        } else if (key instanceof SearchKey.Or o) {
            return matches(o.left(), m) || matches(o.right(), m);
        } else if (key instanceof SearchKey.And a) {
            for (SearchKey k : a.keys()) {
                if (!matches(k, m)) {
                    return false;
                }
            }
            return true;
        } else if (key instanceof SearchKey.Date d) {
            LocalDate day = d.sent() ? SentDate.parse(m.header().get("Date"))
                    : LocalDate.ofInstant(m.info().internalDate(), zone);
            if (day == null) {
                return false;
            }
            return switch (d.comparison()) {
                case BEFORE -> day.isBefore(d.date());
                case ON -> day.isEqual(d.date());
                case SINCE -> !day.isBefore(d.date());
            };
        } else if (key instanceof SearchKey.Header h) {
            return header(m.header(), h);
        } else if (key instanceof SearchKey.Text t) {
            String needle = fold(t.text());
            if (t.includeHeader() && headerText(m.header()).contains(needle)) {
                return true;
            }
            return BodyText.contains(m, needle);
        }
        throw new IllegalStateException("unknown search key " + key);
    }

    private static boolean header(MimeHeader header, SearchKey.Header h) {
        String needle = fold(h.text());
        for (String value : header.all(h.field())) {
            if (needle.isEmpty() || fold(EncodedWords.decode(value)).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static String headerText(MimeHeader header) {
        StringBuilder all = new StringBuilder();
        for (MimeHeader.Field f : header.fields()) {
            all.append(f.name()).append(": ").append(EncodedWords.decode(f.value())).append('\n');
        }
        return fold(all.toString());
    }

    /** Case folding for substring matches. */
    static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
