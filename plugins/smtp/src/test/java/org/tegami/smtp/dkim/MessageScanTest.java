package org.tegami.smtp.dkim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageScanTest {

    /** Hands out one byte per read, to cross the end of the header at every place. */
    private static InputStream trickle(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    private static byte[] relaxedHash(String body) {
        RelaxedBody r = new RelaxedBody();
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        r.update(bytes, 0, bytes.length);
        return r.finish();
    }

    @Test
    void splitsHeaderFromBodyWhateverTheReads() throws Exception {
        String message = "From: a@example.org\r\nSubject: x\r\n y\r\n\r\nbody\r\n\r\n";

        MessageScan scan = MessageScan.read(trickle(message)).orElseThrow();

        assertEquals(List.of("From", "Subject"), scan.fields().stream().map(HeaderField::name).toList());
        assertEquals("Subject: x\r\n y\r\n", scan.fields().get(1).raw());
        assertArrayEquals(relaxedHash("body\r\n"), scan.bodyHash());
    }

    @Test
    void messageWithoutBodyOrWithoutHeader() throws Exception {
        MessageScan headerOnly = MessageScan.read(trickle("From: a@example.org\r\n")).orElseThrow();
        assertEquals(1, headerOnly.fields().size());
        assertArrayEquals(relaxedHash(""), headerOnly.bodyHash());

        MessageScan bodyOnly = MessageScan.read(trickle("\r\nFrom: not a header\r\n")).orElseThrow();
        assertTrue(bodyOnly.fields().isEmpty());
        assertArrayEquals(relaxedHash("From: not a header\r\n"), bodyOnly.bodyHash());
    }

    @Test
    void bodyIsNotReadWhenNotWanted() throws Exception {
        String header = "From: a@elsewhere.test\r\n\r\n";
        ByteArrayInputStream in = new ByteArrayInputStream(
                (header + "x".repeat(1_000_000)).getBytes(StandardCharsets.ISO_8859_1));

        assertTrue(MessageScan.read(in, fields -> false).isEmpty());
        assertTrue(in.available() > 900_000, "read on after the header: " + in.available() + " left");
    }

    @Test
    void oversizedHeaderIsNotSigned() throws Exception {
        String message = "X-Big: " + "y".repeat(MessageScan.MAX_HEADER) + "\r\n\r\nbody\r\n";

        assertTrue(MessageScan.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1))).isEmpty());
    }
}
