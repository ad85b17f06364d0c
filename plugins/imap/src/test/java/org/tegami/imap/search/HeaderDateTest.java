package org.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeaderDateTest {

    @Test
    void readsDateHeadersInUtc() {
        assertEquals(Instant.parse("2003-07-01T08:52:37Z"), HeaderDate.parse("Tue, 1 Jul 2003 10:52:37 +0200"));
        assertEquals(Instant.parse("2026-11-28T11:59:00Z"), HeaderDate.parse("27 November 2026 23:59 -1200"));
        assertEquals(Instant.parse("1999-12-31T17:00:00Z"), HeaderDate.parse("Fri, 31 Dec 99 12:00:00 EST"));
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), HeaderDate.parse("2 Jan 2020 03:04:05"));
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), HeaderDate.parse("Thu, 2 Jan 2020 03:04:05 GMT (UTC)"));
    }

    @Test
    void unreadableDatesAreNull() {
        assertNull(HeaderDate.parse(null));
        assertNull(HeaderDate.parse("yesterday"));
        assertNull(HeaderDate.parse("1 Jan 2020"));
        assertNull(HeaderDate.parse("31 Feb 2026 10:00:00 +0000"));
        assertNull(HeaderDate.parse("1 Foo 2026 10:00:00 +0000"));
        assertNull(HeaderDate.parse("1 Jan 2026 25:00:00 +0000"));
        assertNull(HeaderDate.parse("1 Jan 2026 10:00:00 +9900"));
    }
}
