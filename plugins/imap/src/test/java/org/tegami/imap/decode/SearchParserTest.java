package org.tegami.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.api.Flag;
import org.tegami.imap.search.SearchKey;

class SearchParserTest {

    private final RequestParser parser = new RequestParser();

    private Request.Search search(String args) throws BadCommandException {
        return (Request.Search) parser.parse(new CommandLine(("a SEARCH " + args).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesEveryKey() throws Exception {
        String all = "ALL ANSWERED BCC x BEFORE 1-Feb-2026 BODY y CC z DELETED DRAFT FLAGGED FROM f HEADER X-A v"
                + " KEYWORD $k LARGER 10 NEW OLD ON \"02-Mar-2026\" RECENT SEEN SENTBEFORE 1-Jan-2020 SENTON 1-Jan-2020"
                + " SENTSINCE 1-Jan-2020 SINCE 1-Jan-2020 SMALLER 5 SUBJECT s TEXT t TO to UID 1:* UNANSWERED UNDELETED"
                + " UNDRAFT UNFLAGGED UNKEYWORD $k UNSEEN 1,2 NOT SEEN OR SEEN (FLAGGED DRAFT)";
        SearchKey.And and = (SearchKey.And) search(all).key();
        assertEquals(36, and.keys().size());
        assertEquals(new SearchKey.Date(SearchKey.Comparison.ON, LocalDate.of(2026, 3, 2), false), and.keys().get(15));
        assertEquals(new SearchKey.Header("X-A", "v"), and.keys().get(10));
        assertEquals(new SearchKey.Or(new SearchKey.HasFlag(Flag.SEEN, true),
                new SearchKey.And(List.of(new SearchKey.HasFlag(Flag.FLAGGED, true), new SearchKey.HasFlag(Flag.DRAFT, true)))),
                and.keys().get(35));
    }

    @Test
    void parsesCharsetAndLiterals() throws Exception {
        Request.Search s = search("CHARSET UTF-8 SUBJECT {5}\r\ncafé");
        assertEquals("UTF-8", s.charset());
        assertEquals(new SearchKey.Header("SUBJECT", "café"), s.key());
        assertEquals(new SearchKey.Text("x", true), search("text x").key());
    }

    @Test
    void rejectsBrokenCriteria() {
        for (String bad : new String[] {"", "NOT", "OR SEEN", "BEFORE 30-Feb-2026", "LARGER x", "(SEEN", "SEEN)",
                "FOO", "UID", "HEADER X", "KEYWORD"}) {
            assertThrows(BadCommandException.class, () -> search(bad), bad);
        }
        assertThrows(BadCommandException.class, () -> search("NOT ".repeat(200) + "SEEN"));
    }
}
