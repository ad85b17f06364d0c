package org.tegami.pop3.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestParserTest {

    @Test
    void upperCasesTheKeywordAndSplitsArguments() throws Exception {
        Pop3Request request = RequestParser.parse("top 1 10");
        assertEquals("TOP", request.verb());
        assertEquals(List.of("1", "10"), request.arguments());
    }

    @Test
    void keepsThePasswordWithItsSpaces() throws Exception {
        Pop3Request request = RequestParser.parse("PASS  two words ");
        assertEquals(" two words ", request.argumentText());
        assertEquals(List.of("two", "words"), request.arguments());
    }

    @Test
    void toleratesTrailingSpace() throws Exception {
        assertEquals(List.of(), RequestParser.parse("STAT ").arguments());
    }

    @Test
    void refusesKeywordsThatAreNotThreeOrFourLetters() {
        for (String line : new String[] {"", " STAT", "RETRIEVE 1", "NO", "B4D1", "ST\u00c4T"}) {
            assertThrows(RequestParser.MalformedRequestException.class, () -> RequestParser.parse(line), line);
        }
    }

    @Test
    void redactsSecretsInToString() throws Exception {
        assertEquals("PASS <redacted>", RequestParser.parse("PASS hunter2").toString());
        assertEquals("AUTH <redacted>", RequestParser.parse("AUTH PLAIN AGFAYg==").toString());
        assertEquals("RETR 1", RequestParser.parse("RETR 1").toString());
    }
}
