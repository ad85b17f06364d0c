package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyParserTest {

    @Test
    void readsASingleLineWithEnhancedCode() throws Exception {
        RemoteReply r = new ReplyParser().accept("550 5.1.1 <bob@example.test>: no such user");
        assertEquals(550, r.code());
        assertEquals("5.1.1", r.enhanced());
        assertEquals("<bob@example.test>: no such user", r.text());
        assertEquals("550 5.1.1 <bob@example.test>: no such user", r.toReply().toString());
    }

    @Test
    void collectsAMultiLineReply() throws Exception {
        ReplyParser p = new ReplyParser();
        assertNull(p.accept("250-mx.example.test hello"));
        assertNull(p.accept("250-PIPELINING"));
        RemoteReply r = p.accept("250 SIZE 1000");
        assertEquals(List.of("mx.example.test hello", "PIPELINING", "SIZE 1000"), r.lines());
        assertNull(r.enhanced());
    }

    @Test
    void stripsTheEnhancedCodeFromEveryLine() throws Exception {
        ReplyParser p = new ReplyParser();
        p.accept("452-4.2.2 mailbox full,");
        RemoteReply r = p.accept("452 4.2.2 try again later");
        assertEquals("4.2.2", r.enhanced());
        assertEquals("mailbox full, try again later", r.text());
    }

    @Test
    void ignoresAnEnhancedCodeOfAnotherClass() throws Exception {
        RemoteReply r = new ReplyParser().accept("250 5.0.0 odd but ok");
        assertNull(r.enhanced());
        assertEquals("5.0.0 odd but ok", r.text());
    }

    @Test
    void acceptsACodeWithoutText() throws Exception {
        RemoteReply r = new ReplyParser().accept("354");
        assertEquals(354, r.code());
        assertEquals("", r.text());
        assertEquals("(no text)", r.toReply().text());
    }

    @Test
    void refusesGarbage() {
        assertThrows(ProtocolException.class, () -> new ReplyParser().accept("hello"));
        assertThrows(ProtocolException.class, () -> new ReplyParser().accept("25"));
        assertThrows(ProtocolException.class, () -> new ReplyParser().accept("250xfoo"));
    }

    @Test
    void refusesACodeChangeWithinAReply() throws Exception {
        ReplyParser p = new ReplyParser();
        p.accept("250-first");
        assertThrows(ProtocolException.class, () -> p.accept("550 second"));
    }

    @Test
    void mapsAnOutOfRangeCodeToATemporaryReply() throws Exception {
        RemoteReply r = new ReplyParser().accept("199 what");
        assertEquals(451, r.toReply().code());
    }

    @Test
    void replacesControlCharactersSoTheTextStaysOneLine() throws Exception {
        RemoteReply r = new ReplyParser().accept("550 5.7.1 bad\rthing\u0000here");
        assertEquals("bad thing here", r.text());
        assertEquals("bad thing here", r.toReply().text());
    }

    @Test
    void refusesAnEndlessReply() throws Exception {
        ReplyParser p = new ReplyParser();
        for (int i = 0; i < ReplyParser.MAX_LINES; i++) {
            p.accept("250-line " + i);
        }
        assertThrows(ProtocolException.class, () -> p.accept("250-one more"));
    }
}
