package org.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tegami.api.MailboxException;
import org.tegami.api.MessageInfo;
import org.tegami.imap.mime.MimeHeader;
import org.tegami.imap.mime.MimePart;
import org.tegami.imap.search.SortCriterion.Key;

/** SORT ordering (RFC 5256 3, RFC 5957) on in-memory messages. */
class SortOrderTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<SearchTarget> box = new ArrayList<>();

    /** Adds message number box.size()+1, arrived {@code arrivedMinutes} after T0. */
    private void add(long size, int arrivedMinutes, String header) {
        int seq = box.size() + 1;
        MessageInfo info = new MessageInfo(seq * 10L, "m" + seq, size, Set.of(), Set.of(),
                T0.plusSeconds(60L * arrivedMinutes), false);
        MimeHeader parsed = header == null ? null : MimeHeader.parse((header + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        box.add(new SearchTarget() {
            @Override
            public int sequence() {
                return seq;
            }

            @Override
            public MessageInfo info() {
                return info;
            }

            @Override
            public MimeHeader header() throws MailboxException {
                if (parsed == null) {
                    throw new MailboxException(MailboxException.Reason.EXPUNGED, "expunged");
                }
                return parsed;
            }

            @Override
            public MimePart structure() {
                throw new AssertionError("SORT needs no structure");
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(new byte[0]);
            }
        });
    }

    private List<Integer> sort(SortCriterion... criteria) throws Exception {
        return new SortOrder(List.of(criteria)).sort(box).stream().map(SearchTarget::sequence).toList();
    }

    private static SortCriterion by(Key key) {
        return new SortCriterion(key, false);
    }

    private static SortCriterion reverse(Key key) {
        return new SortCriterion(key, true);
    }

    @Test
    void arrivalIsInternalDateAndSizeIsTheSize() throws Exception {
        add(300, 5, "Subject: a");
        add(100, 1, "Subject: b");
        add(200, 3, "Subject: c");
        assertEquals(List.of(2, 3, 1), sort(by(Key.ARRIVAL)));
        assertEquals(List.of(1, 3, 2), sort(reverse(Key.ARRIVAL)));
        assertEquals(List.of(2, 3, 1), sort(by(Key.SIZE)));
        assertEquals(List.of(1, 3, 2), sort(reverse(Key.SIZE)));
    }

    @Test
    void dateIsTheDateHeaderInUtcWithInternalDateInstead() throws Exception {
        add(1, 0, "Date: Thu, 1 Jan 2026 10:00:00 +0200"); // 08:00Z
        add(1, 0, "Date: Thu, 1 Jan 2026 09:00:00 +0000"); // 09:00Z
        add(1, 0, "Date: Thu, 1 Jan 2026 03:30:00 -0500"); // 08:30Z
        add(1, 500, "Date: garbage"); // arrival 08:20Z
        add(1, 490, "Subject: no date"); // arrival 08:10Z
        add(1, 470, null); // gone: arrival 07:50Z
        assertEquals(List.of(6, 1, 5, 4, 3, 2), sort(by(Key.DATE)));
        assertEquals(List.of(2, 3, 4, 5, 1, 6), sort(reverse(Key.DATE)));
    }

    @Test
    void addressesSortByTheLocalPartOfTheFirstAddressIgnoringAsciiCase() throws Exception {
        add(1, 0, "From: \"Zed\" <bob@example.org>\r\nTo: carol@x, alice@y\r\nCc: team: Dave@x, ann@y;");
        add(1, 0, "From: alice@zzz.example\r\nTo: <Bob@x>\r\nCc: eve@x");
        add(1, 0, "From: Carl <CARL@a.example>\r\nCc: undisclosed-recipients:;");
        add(1, 0, "Subject: nobody");
        assertEquals(List.of(4, 2, 1, 3), sort(by(Key.FROM)));
        assertEquals(List.of(3, 4, 2, 1), sort(by(Key.TO)));
        assertEquals(List.of(3, 4, 1, 2), sort(by(Key.CC)));
    }

    @Test
    void subjectSortsByBaseSubject() throws Exception {
        add(1, 0, "Subject: Re: beta");
        add(1, 0, "Subject: [list] Alpha");
        add(1, 0, "Subject: =?UTF-8?Q?Fwd:_gamma?=");
        add(1, 0, "Subject: alpha (fwd)");
        add(1, 0, "X-No-Subject: yes");
        assertEquals(List.of(5, 2, 4, 1, 3), sort(by(Key.SUBJECT)));
        assertEquals(List.of(3, 1, 2, 4, 5), sort(reverse(Key.SUBJECT)));
    }

    @Test
    void tiesFallToTheNextCriterionThenToSequenceNumber() throws Exception {
        add(200, 0, "Subject: same");
        add(100, 0, "Subject: Re: same");
        add(100, 0, "Subject: other");
        add(200, 0, "Subject: same");
        assertEquals(List.of(3, 2, 1, 4), sort(by(Key.SUBJECT), by(Key.SIZE)));
        assertEquals(List.of(3, 1, 4, 2), sort(by(Key.SUBJECT), reverse(Key.SIZE)));
        // REVERSE flips only its own criterion: equal subjects keep ascending sequence order
        assertEquals(List.of(1, 2, 4, 3), sort(reverse(Key.SUBJECT)));
        assertEquals(List.of(2, 3, 1, 4), sort(by(Key.SIZE)));
        assertEquals(List.of(1, 4, 2, 3), sort(reverse(Key.SIZE)));
    }

    @Test
    void displayKeysUseTheDecodedNameOrTheAddress() throws Exception {
        add(1, 0, "From: =?UTF-8?Q?Zo=C3=AB?= <a@x>\r\nTo: b@x");
        add(1, 0, "From: \"\" <Mike@x>\r\nTo: \"aaron\" <z@x>");
        add(1, 0, "From: Bea <z@x>\r\nTo: Carl <c@x>");
        assertEquals(List.of(3, 2, 1), sort(by(Key.DISPLAYFROM)));
        assertEquals(List.of(2, 1, 3), sort(by(Key.DISPLAYTO)));
    }

    @Test
    void stringsCompareAsUtf8OctetsNotUtf16Units() throws Exception {
        add(1, 0, "Subject: \ud83d\ude00"); // U+1F600: a surrogate pair in UTF-16, F0 9F 98 80 in UTF-8
        add(1, 0, "Subject: \ufffd"); // EF BF BD
        add(1, 0, "Subject: z");
        assertEquals(List.of(3, 2, 1), sort(by(Key.SUBJECT)));
    }

    @Test
    void casemapFoldsOnlyAsciiAndMissingAddressesAreEmpty() {
        assertEquals("ABC\u00e9", SortOrder.casemap("abc\u00e9"));
        assertEquals("", SortOrder.mailbox(null));
        assertEquals("MAILER-DAEMON", SortOrder.mailbox("MAILER-DAEMON"));
        assertEquals("", SortOrder.mailbox("group:;"));
    }

    @Test
    void needsACriterion() {
        assertThrows(IllegalArgumentException.class, () -> new SortOrder(List.of()));
    }
}
