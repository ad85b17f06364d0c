package org.tegami.smtp.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelaxedCanonicalizationTest {

    private static String bodyHash(String body, int pieceSize) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        RelaxedBody relaxed = new RelaxedBody();
        for (int at = 0; at < bytes.length; at += pieceSize) {
            relaxed.update(bytes, at, Math.min(pieceSize, bytes.length - at));
        }
        return Base64.getEncoder().encodeToString(relaxed.finish());
    }

    private static String sha256(String canonical) throws Exception {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void headersOfRfc6376Section345() {
        List<HeaderField> fields = HeaderSplitter.split("A: X\r\nB : Y\t\r\n\tZ  \r\n");

        assertEquals(2, fields.size());
        assertEquals("a:X\r\n", RelaxedHeader.canonicalize(fields.get(0).raw()));
        assertEquals("b:Y Z\r\n", RelaxedHeader.canonicalize(fields.get(1).raw()));
    }

    @Test
    void bodyOfRfc6376Section345InAnyPieces() throws Exception {
        String body = " C \r\nD \t E\r\n\r\n\r\n";
        String expected = sha256(" C\r\nD E\r\n");

        for (int piece = 1; piece <= body.length(); piece++) {
            assertEquals(expected, bodyHash(body, piece), "pieces of " + piece);
        }
    }

    @Test
    void emptyBodyIsTheEmptyString() throws Exception {
        // RFC 6376 3.4.4: relaxed turns an empty body (and one of empty lines) into nothing,
        // unlike simple, which makes it one CRLF (3.4.3).
        String emptyHash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
        assertEquals(emptyHash, sha256(""));
        assertEquals(emptyHash, bodyHash("", 1));
        assertEquals(emptyHash, bodyHash("\r\n\r\n \t\r\n", 1));
        assertEquals("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=", sha256("\r\n"));
    }

    @Test
    void lastLineWithoutCrlfGetsOne() throws Exception {
        assertEquals(sha256("Joe.\r\n"), bodyHash("Joe.  ", 2));
    }

    @Test
    void loneCrAndLfAreOrdinaryCharacters() throws Exception {
        assertEquals(sha256("a\rb\nc\r\n"), bodyHash("a\rb\nc\r\n", 1));
        assertEquals(sha256("end\r\r\n"), bodyHash("end\r", 1));
    }

    @Test
    void leadingWhiteSpaceOfALineBecomesOneSpace() throws Exception {
        assertEquals(sha256(" indented\r\n"), bodyHash("\t  indented\r\n", 3));
    }

    @Test
    void emptyLinesInsideTheBodyStay() throws Exception {
        assertEquals(sha256("a\r\n\r\n\r\nb\r\n"), bodyHash("a\r\n\r\n  \r\nb\r\n\r\n", 4));
    }

    @Test
    void headerValueWhiteSpaceGoesAroundTheColonAndAtTheEnd() {
        assertEquals("subject:Is dinner ready?\r\n", RelaxedHeader.canonicalize("SUBJECT \t:  Is   dinner\r\n  ready? \r\n"));
        assertEquals("x-empty:\r\n", RelaxedHeader.canonicalize("X-Empty:   \r\n"));
    }
}
