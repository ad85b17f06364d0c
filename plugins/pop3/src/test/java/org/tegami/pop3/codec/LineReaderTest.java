package org.tegami.pop3.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** Hands out one byte per read call, as a slow network might. */
    private static InputStream trickle(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (next >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[next++];
                return 1;
            }
        };
    }

    @Test
    void readsCrlfLinesSplitAcrossReads() throws Exception {
        LineReader reader = new LineReader(trickle("USER a\r\nPASS b c\r\n\r\n"), 100);
        assertEquals("USER a", reader.readLine());
        assertEquals("PASS b c", reader.readLine());
        assertEquals("", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void acceptsBareLineFeed() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream("STAT\nLIST\r\n".getBytes()), 100);
        assertEquals("STAT", reader.readLine());
        assertEquals("LIST", reader.readLine());
    }

    @Test
    void dropsAnUnterminatedLastLine() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream("QUIT\r\nDELE 1".getBytes()), 100);
        assertEquals("QUIT", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void skipsAnOverlongLineAndStaysInStep() throws Exception {
        String longLine = "USER " + "x".repeat(5000);
        LineReader reader = new LineReader(trickle(longLine + "\r\nNOOP\r\n"), 64);
        assertThrows(LineReader.LineTooLongException.class, reader::readLine);
        assertEquals("NOOP", reader.readLine());
    }

    @Test
    void limitCountsOctetsWithoutTheLineEnd() throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream("abcd\r\nabcde\r\nabc\r\n".getBytes()), 4);
        assertEquals("abcd", reader.readLine());
        assertThrows(LineReader.LineTooLongException.class, reader::readLine);
        assertEquals("abc", reader.readLine());
    }

    @Test
    void decodesUtf8() throws Exception {
        byte[] line = "USER jörg@例え.jp\r\n".getBytes(StandardCharsets.UTF_8);
        LineReader reader = new LineReader(new ByteArrayInputStream(line), 100);
        assertEquals("USER jörg@例え.jp", reader.readLine());
    }
}
