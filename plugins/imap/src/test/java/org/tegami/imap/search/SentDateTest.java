package org.tegami.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SentDateTest {

    @Test
    void readsTheDayOfDateHeaders() {
        assertEquals(LocalDate.of(2003, 7, 1), SentDate.parse("Tue, 1 Jul 2003 10:52:37 +0200"));
        assertEquals(LocalDate.of(2026, 11, 27), SentDate.parse("27 November 2026 23:59:59 -1200"));
        assertEquals(LocalDate.of(1999, 12, 31), SentDate.parse("Fri, 31 Dec 99 12:00 GMT"));
        assertNull(SentDate.parse("yesterday"));
        assertNull(SentDate.parse("31 Feb 2026"));
        assertNull(SentDate.parse(null));
    }
}
