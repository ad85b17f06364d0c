package org.tegami.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tegami.imap.search.SearchKey;
import org.tegami.imap.search.ThreadAlgorithm;

class ThreadParserTest {

    private final RequestParser parser = new RequestParser();

    private Request.Thread thread(String command) throws BadCommandException {
        return (Request.Thread) parser.parse(new CommandLine(("t1 " + command).getBytes(StandardCharsets.UTF_8)));
    }

    private String bad(String command) {
        return assertThrows(BadCommandException.class, () -> thread(command)).getMessage();
    }

    @Test
    void parsesAlgorithmCharsetAndSearchKeys() throws Exception {
        Request.Thread t = thread("THREAD references utf-8 SUBJECT {3}\r\nfoo");
        assertEquals(ThreadAlgorithm.REFERENCES, t.algorithm());
        assertEquals("utf-8", t.charset());
        assertEquals(new SearchKey.Header("SUBJECT", "foo"), t.key());
        assertEquals(false, t.uid());
        assertEquals("THREAD", t.verb());
    }

    @Test
    void parsesUidThread() throws Exception {
        Request.Thread t = thread("UID THREAD ORDEREDSUBJECT \"US-ASCII\" 1:*");
        assertTrue(t.uid());
        assertEquals(ThreadAlgorithm.ORDEREDSUBJECT, t.algorithm());
        assertTrue(t.key() instanceof SearchKey.Sequence);
    }

    @Test
    void rejectsBadSyntax() {
        assertEquals("Unknown threading algorithm REFS", bad("THREAD REFS UTF-8 ALL"));
        assertEquals("Unknown search key BOGUS", bad("THREAD REFERENCES UTF-8 BOGUS"));
        bad("THREAD REFERENCES UTF-8");
        bad("THREAD REFERENCES ALL");
        bad("THREAD (REFERENCES) UTF-8 ALL");
        bad("THREAD  REFERENCES UTF-8 ALL");
        bad("THREAD REFERENCES UTF-8 ALL)");
        bad("THREAD");
    }
}
