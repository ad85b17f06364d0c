package org.tegami.imap.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.api.UserMailbox.FolderStatus;

class ImapStringsTest {

    private static String string(String value, boolean utf8) {
        StringBuilder out = new StringBuilder();
        ImapStrings.nstring(out, value, utf8);
        return out.toString();
    }

    @Test
    void quotesWhatItCanAndUsesLiteralsOtherwise() {
        assertEquals("NIL", string(null, false));
        assertEquals("\"a \\\"b\\\" \\\\c\"", string("a \"b\" \\c", false));
        assertEquals("{4}\r\na\r\nb", string("a\r\nb", false));
        assertEquals("{5}\r\ncafé", string("café", false));
        assertEquals("\"café\"", string("café", true));
        assertEquals("{1001}\r\n" + "x".repeat(1001), string("x".repeat(1001), false));
    }

    @Test
    void writesAtomsWhereAllowed() {
        StringBuilder out = new StringBuilder();
        ImapStrings.astring(out, "INBOX", false);
        out.append(' ');
        ImapStrings.astring(out, "NIL", false);
        out.append(' ');
        ImapStrings.astring(out, "a b", false);
        assertEquals("INBOX \"NIL\" \"a b\"", out.toString());
    }

    @Test
    void encodesListStatusAndDates() {
        assertEquals("LIST (\\HasNoChildren \\Sent) \"/\" \"Sent\"",
                ListEncoder.encode("LIST", List.of("\\HasNoChildren", "\\Sent"), "Sent", false));
        assertEquals("STATUS \"a b\" (MESSAGES 3 UIDNEXT 9 SIZE 100)", StatusEncoder.encode("a b",
                List.of("MESSAGES", "UIDNEXT", "SIZE"), new FolderStatus(3, 0, 1, 9, 7, 100), false));
        assertEquals("\"05-Mar-2026 09:04:03 +0100\"",
                DateEncoder.dateTime(Instant.parse("2026-03-05T08:04:03Z"), ZoneOffset.ofHours(1)));
    }
}
