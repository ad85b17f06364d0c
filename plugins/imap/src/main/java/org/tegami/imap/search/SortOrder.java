package org.tegami.imap.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tegami.api.MailboxException;
import org.tegami.imap.mime.Address;
import org.tegami.imap.mime.AddressParser;
import org.tegami.imap.mime.EncodedWords;
import org.tegami.imap.mime.MimeHeader;

/**
 * Orders messages by SORT criteria (RFC 5256 3, RFC 5957): builds each message's sort keys
 * once, then compares them criterion by criterion, REVERSE flipping only its own criterion,
 * and breaks the last tie by sequence number ascending. Strings compare under
 * i;ascii-casemap (RFC 4790 9.2: ASCII letters folded to upper case, then octet by octet).
 * Reads headers only for the keys that need them. Stateless and thread-safe.
 */
public final class SortOrder {

    private final List<SortCriterion> criteria;
    private final boolean needsHeader;

    /** @param criteria at least one */
    public SortOrder(List<SortCriterion> criteria) {
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("no sort criteria");
        }
        this.criteria = List.copyOf(criteria);
        this.needsHeader = criteria.stream().anyMatch(c -> c.key() != SortCriterion.Key.ARRIVAL
                && c.key() != SortCriterion.Key.SIZE);
    }

    /** The targets in sort order. */
    public <T extends SearchTarget> List<T> sort(List<T> targets) throws IOException {
        List<Keyed<T>> keyed = new ArrayList<>(targets.size());
        for (T t : targets) {
            keyed.add(new Keyed<>(t, keys(t)));
        }
        keyed.sort(comparator());
        List<T> out = new ArrayList<>(keyed.size());
        for (Keyed<T> k : keyed) {
            out.add(k.target());
        }
        return out;
    }

    /** One message's sort keys, in the order of the criteria: String, Long or Instant. */
    List<Comparable<?>> keys(SearchTarget m) throws IOException {
        MimeHeader header = needsHeader ? header(m) : null;
        List<Comparable<?>> keys = new ArrayList<>(criteria.size());
        for (SortCriterion c : criteria) {
            keys.add(switch (c.key()) {
                case ARRIVAL -> m.info().internalDate();
                case SIZE -> m.info().size();
                case DATE -> date(header, m.info().internalDate());
                case SUBJECT -> casemap(BaseSubject.of(field(header, "Subject")));
                case FROM -> casemap(mailbox(field(header, "From")));
                case TO -> casemap(mailbox(field(header, "To")));
                case CC -> casemap(mailbox(field(header, "Cc")));
                case DISPLAYFROM -> casemap(display(field(header, "From")));
                case DISPLAYTO -> casemap(display(field(header, "To")));
            });
        }
        return keys;
    }

    private <T extends SearchTarget> Comparator<Keyed<T>> comparator() {
        return (a, b) -> {
            for (int i = 0; i < criteria.size(); i++) {
                int c = compare(a.keys().get(i), b.keys().get(i));
                if (c != 0) {
                    return criteria.get(i).reverse() ? -c : c;
                }
            }
            return Integer.compare(a.target().sequence(), b.target().sequence());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable<?> a, Comparable<?> b) {
        if (a instanceof String x && b instanceof String y) {
            // code point order is the octet order of UTF-8
            return codePoints(x, y);
        }
        return ((Comparable) a).compareTo(b);
    }

    private static int codePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }

    /** A message expunged by another session has no header any more: it sorts as if empty. */
    private static MimeHeader header(SearchTarget m) throws IOException {
        try {
            return m.header();
        } catch (MailboxException e) {
            return null;
        }
    }

    private static String field(MimeHeader header, String name) {
        return header == null ? null : header.get(name);
    }

    /** RFC 5256 3: the sent date in UTC, or INTERNALDATE when there is no readable Date:. */
    private static Instant date(MimeHeader header, Instant internalDate) {
        Instant sent = HeaderDate.parse(field(header, "Date"));
        return sent == null ? internalDate : sent;
    }

    /** RFC 5256 3: the addr-mailbox (local part) of the first address, empty if none. */
    static String mailbox(String field) {
        Address first = firstAddress(field);
        return first == null || first.mailbox() == null ? "" : first.mailbox();
    }

    /** RFC 5957 3: the decoded display name of the first address, else its addr-spec. */
    static String display(String field) {
        Address first = firstAddress(field);
        if (first == null) {
            return "";
        }
        String name = first.name() == null ? "" : EncodedWords.decode(first.name()).strip();
        if (!name.isEmpty()) {
            return name;
        }
        String local = first.mailbox() == null ? "" : first.mailbox();
        return first.host() == null ? local : local + "@" + first.host();
    }

    /**
     * The first address with a domain; the entries without one are group markers as ENVELOPE
     * shows them (RFC 3501 7.4.2). A lone local part ({@code MAILER-DAEMON}) outside any group
     * still counts.
     */
    private static Address firstAddress(String field) {
        List<Address> all = AddressParser.parse(field);
        for (Address a : all) {
            if (a.host() != null) {
                return a;
            }
        }
        boolean grouped = all.stream().anyMatch(a -> a.mailbox() == null);
        return all.isEmpty() || grouped ? null : all.get(0);
    }

    /** i;ascii-casemap (RFC 4790 9.2): only a-z fold, to upper case. */
    static String casemap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return out.toString();
    }

    private record Keyed<T>(T target, List<Comparable<?>> keys) {
    }
}
