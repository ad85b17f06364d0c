package org.tegami.core.maildir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrlfInputStreamTest {

    /** The obvious byte-at-a-time conversion, to compare against. */
    private static byte[] reference(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int prev = -1;
        for (byte b : in) {
            if (b == '\n' && prev != '\r') {
                out.write('\r');
            }
            out.write(b);
            prev = b;
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in, int bufferSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[bufferSize];
        for (int n; (n = in.read(buf)) >= 0;) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void turnsBareLfIntoCrlfAndKeepsCrlf() throws IOException {
        byte[] in = "a\nb\r\nc\r\rd\n\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("a\r\nb\r\nc\r\rd\r\n\r\n",
                new String(readAll(new CrlfInputStream(new ByteArrayInputStream(in)), 3), StandardCharsets.US_ASCII));
    }

    @Test
    void agreesWithTheReferenceAcrossChunkAndBufferBoundaries() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            byte[] in = new byte[40_000 + random.nextInt(20_000)];
            for (int i = 0; i < in.length; i++) {
                int r = random.nextInt(10);
                in[i] = (byte) (r == 0 ? '\n' : r == 1 ? '\r' : 'a' + r);
            }
            in[16 * 1024 - 1] = '\r'; // a CR at the end of one chunk, LF at the start of the next
            in[16 * 1024] = '\n';
            int bufferSize = 1 + random.nextInt(9000);
            assertArrayEquals(reference(in), readAll(new CrlfInputStream(new ByteArrayInputStream(in)), bufferSize));
        }
    }

    @Test
    void singleByteReadsAndSkipMatchBulkReads() throws IOException {
        byte[] in = "x\ny\nz".getBytes(StandardCharsets.US_ASCII);
        CrlfInputStream s = new CrlfInputStream(new ByteArrayInputStream(in));
        assertEquals('x', s.read());
        assertEquals(2, s.skip(2));
        assertEquals('y', s.read());
        assertEquals('\r', s.read());
        assertEquals('\n', s.read());
        assertEquals('z', s.read());
        assertEquals(-1, s.read());
    }
}
