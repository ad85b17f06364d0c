package org.tegami.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.api.Flag;
import org.tegami.imap.search.SearchKey;
import org.tegami.imap.search.SortCriterion;
import org.tegami.imap.search.SortCriterion.Key;

class SortParserTest {

    private final RequestParser parser = new RequestParser();

    private Request.Sort sort(String command) throws BadCommandException {
        return (Request.Sort) parser.parse(new CommandLine(("t1 " + command).getBytes(StandardCharsets.UTF_8)));
    }

    private String bad(String command) {
        return assertThrows(BadCommandException.class, () -> sort(command)).getMessage();
    }

    @Test
    void parsesCriteriaCharsetAndSearchKeys() throws Exception {
        Request.Sort s = sort("SORT (REVERSE arrival SUBJECT reverse SIZE) utf-8 UNSEEN FROM {3}\r\nbob");
        assertEquals(List.of(new SortCriterion(Key.ARRIVAL, true), new SortCriterion(Key.SUBJECT, false),
                new SortCriterion(Key.SIZE, true)), s.criteria());
        assertEquals("utf-8", s.charset());
        assertEquals(new SearchKey.And(List.of(new SearchKey.HasFlag(Flag.SEEN, false),
                new SearchKey.Header("FROM", "bob"))), s.key());
        assertEquals(false, s.uid());
        assertEquals("SORT", s.verb());
    }

    @Test
    void parsesUidSortAndEveryKey() throws Exception {
        Request.Sort s = sort("UID SORT (ARRIVAL CC DATE FROM SIZE SUBJECT TO DISPLAYFROM DISPLAYTO) \"US-ASCII\" 1:*");
        assertTrue(s.uid());
        assertEquals(List.of(Key.values()), s.criteria().stream().map(SortCriterion::key).toList());
        assertTrue(s.key() instanceof SearchKey.Sequence);
    }

    @Test
    void rejectsBadSyntax() {
        assertEquals("Unknown sort key SENDER", bad("SORT (SENDER) UTF-8 ALL"));
        assertEquals("Expected a sort key", bad("SORT () UTF-8 ALL"));
        assertEquals("Expected a space", bad("SORT (REVERSE) UTF-8 ALL"));
        assertEquals("Unknown sort key REVERSEDATE", bad("SORT (REVERSEDATE) UTF-8 ALL"));
        bad("SORT SUBJECT UTF-8 ALL");
        bad("SORT (SUBJECT) UTF-8");
        bad("SORT (SUBJECT) ALL");
        bad("SORT (SUBJECT)  UTF-8 ALL");
        bad("SORT (SUBJECT) UTF-8 ALL extra)");
        bad("SORT");
        assertEquals("Unknown search key BOGUS", bad("SORT (SUBJECT) UTF-8 BOGUS"));
    }
}
