package org.tegami.smtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tegami.api.MailAddress;

class RequestParserTest {

    @Test
    void splitsVerbAndArgument() {
        assertEquals(new Request("MAIL", "FROM:<a@b>"), RequestParser.parse("mail FROM:<a@b>"));
        assertEquals(new Request("QUIT", ""), RequestParser.parse("QUIT"));
    }

    @Test
    void parsesPathsWithParameters() throws SyntaxException {
        PathArgument p = RequestParser.parsePath("FROM:<a@B.example> size=100 SMTPUTF8", "FROM:", false);
        assertEquals(new MailAddress("a", "b.example"), p.address());
        assertEquals(Map.of("SIZE", "100", "SMTPUTF8", ""), p.parameters());
    }

    @Test
    void acceptsNullSenderSpaceAfterColonSourceRouteAndQuotes() throws SyntaxException {
        assertTrue(RequestParser.parsePath("FROM:<>", "FROM:", false).address().isNullSender());
        assertEquals("a@b.example", RequestParser.parsePath("TO: <a@b.example>", "TO:", true).address().toString());
        assertEquals("c@d.example", RequestParser.parsePath("TO:<@x.example,@y.example:c@d.example>", "TO:", true).address().toString());
        assertEquals("john doe", RequestParser.parsePath("TO:<\"john doe\"@d.example>", "TO:", true).address().localPart());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TO:a@b.example", "TO:<a@b.example", "TO:<>", "TO:<a@b.example>X=1", "TO:<a@b.example> X=",
        "TO:<a@b.example> A=1 a=2", "FROM:<a@b.example>", "TO:<a@>", "TO:<@x:a>"})
    void refusesMalformedPaths(String argument) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> RequestParser.parsePath(argument, "TO:", true));
        assertEquals(501, e.reply().code());
    }

    @Test
    void knowsXtextAndBdatArguments() {
        assertTrue(RequestParser.isXtext("rfc822+3Ba@b"));
        assertFalse(RequestParser.isXtext("a+3"));
        assertFalse(RequestParser.isXtext("a=b"));
        assertEquals(new ChunkReader.Chunk(100, true), RequestParser.parseChunk("100 last"));
        assertEquals(new ChunkReader.Chunk(0, false), RequestParser.parseChunk("0"));
        assertNull(RequestParser.parseChunk("-1"));
        assertNull(RequestParser.parseChunk("10 FIRST"));
        assertNull(RequestParser.parseChunk(""));
    }

    @Test
    void utf8AddressesAreNoticed() throws SyntaxException {
        assertTrue(RequestParser.parsePath("TO:<j\u00f6rg@b.example>", "TO:", true).hasUtf8Address());
    }
}
