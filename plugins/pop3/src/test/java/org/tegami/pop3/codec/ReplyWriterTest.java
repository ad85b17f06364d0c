package org.tegami.pop3.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplyWriterTest {

    private static final class CountingOutput extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushes;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String write(Pop3Reply reply) throws IOException {
        CountingOutput out = new CountingOutput();
        new ReplyWriter(out).write(reply);
        assertEquals(1, out.flushes, "one flush per response");
        return out.text();
    }

    private static String message(String content, long bodyLines) throws IOException {
        return write(Pop3Reply.okMessage("x", new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)),
                bodyLines));
    }

    @Test
    void writesStatusLinesWithResponseCodes() throws IOException {
        assertEquals("+OK done\r\n", write(Pop3Reply.ok("done")));
        assertEquals("+OK\r\n", write(Pop3Reply.ok("")));
        assertEquals("-ERR [IN-USE] locked\r\n", write(Pop3Reply.err("IN-USE", "locked")));
        assertEquals("-ERR no\r\n", write(Pop3Reply.err("no")));
        assertEquals("+ \r\n", write(Pop3Reply.continuation("")));
        assertEquals("+ VXNlcm5hbWU6\r\n", write(Pop3Reply.continuation("VXNlcm5hbWU6")));
    }

    @Test
    void dotStuffsListLines() throws IOException {
        assertEquals("+OK l\r\nA\r\n..B\r\n.\r\n", write(Pop3Reply.okLines("l", List.of("A", ".B"))));
    }

    @Test
    void dotStuffsMessageLinesAndTerminates() throws IOException {
        assertEquals("+OK x\r\nS: a\r\n\r\n..\r\n...x\r\nend\r\n.\r\n", message("S: a\r\n\r\n.\r\n..x\r\nend\r\n", -1));
    }

    @Test
    void endsAnUnterminatedLastLineAndFixesBareLineFeeds() throws IOException {
        assertEquals("+OK x\r\nS: a\r\n\r\nbody\r\n.\r\n", message("S: a\n\nbody", -1));
    }

    @Test
    void passesLoneCarriageReturnsAndBinaryUnchanged() throws IOException {
        assertEquals("+OK x\r\nA\rB\u00ff\r\n.\r\n", message("A\rB\u00ff\r\n", -1));
    }

    @Test
    void topSendsHeaderBlankLineAndRequestedBodyLines() throws IOException {
        String m = "A: 1\r\nB: 2\r\n\r\none\r\n.two\r\nthree\r\n";
        assertEquals("+OK x\r\nA: 1\r\nB: 2\r\n\r\n.\r\n", message(m, 0));
        assertEquals("+OK x\r\nA: 1\r\nB: 2\r\n\r\none\r\n..two\r\n.\r\n", message(m, 2));
        assertEquals("+OK x\r\nA: 1\r\nB: 2\r\n\r\none\r\n..two\r\nthree\r\n.\r\n", message(m, 99));
    }

    @Test
    void topOfAMessageWithoutBodySendsItAll() throws IOException {
        assertEquals("+OK x\r\nA: 1\r\n.\r\n", message("A: 1\r\n", 0));
    }

    @Test
    void streamedMessageRoundTripsByteForByteAcrossChunks() throws IOException {
        Random random = new Random(7);
        StringBuilder m = new StringBuilder("Subject: big\r\n\r\n");
        while (m.length() < 300_000) {
            int len = random.nextInt(120);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < len; i++) {
                line.append(random.nextInt(10) == 0 ? '.' : (char) ('a' + random.nextInt(26)));
            }
            m.append(line).append("\r\n");
        }
        byte[] original = m.toString().getBytes(StandardCharsets.ISO_8859_1);
        CountingOutput out = new CountingOutput();
        new ReplyWriter(out).write(Pop3Reply.okMessage("x", new ByteArrayInputStream(original), -1));
        assertArrayEquals(original, unstuff(out.bytes.toByteArray()));
    }

    @Test
    void randomMessagesMatchALineByLineReferenceWhateverTheReadSizes() throws IOException {
        Random random = new Random(11);
        char[] alphabet = {'a', 'b', '.', '.', '\r', '\n', '\n', ' '};
        for (int round = 0; round < 2000; round++) {
            StringBuilder m = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                m.append(alphabet[random.nextInt(alphabet.length)]);
            }
            long bodyLines = random.nextInt(4) - 1;
            int readSize = 1 + random.nextInt(7);
            byte[] bytes = m.toString().getBytes(StandardCharsets.ISO_8859_1);
            InputStream slow = new ByteArrayInputStream(bytes) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, readSize));
                }
            };
            CountingOutput out = new CountingOutput();
            new ReplyWriter(out).write(Pop3Reply.okMessage("x", slow, bodyLines));
            String expected = "+OK x\r\n" + reference(m.toString(), bodyLines) + ".\r\n";
            assertEquals(expected, out.text(), "input " + m.toString().replace("\r", "\\r").replace("\n", "\\n")
                    + " top " + bodyLines);
        }
    }

    /** RFC 1939 by the book: split into lines, stuff, stop TOP after n body lines. */
    private static String reference(String message, long bodyLines) {
        StringBuilder out = new StringBuilder();
        boolean inBody = false;
        long sent = 0;
        int start = 0;
        while (start < message.length()) {
            int lf = message.indexOf('\n', start);
            String line = lf < 0 ? message.substring(start) : message.substring(start, lf);
            start = lf < 0 ? message.length() : lf + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (inBody && bodyLines >= 0 && sent >= bodyLines) {
                break;
            }
            out.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
            if (inBody) {
                sent++;
            } else if (line.isEmpty()) {
                inBody = true;
            }
        }
        return out.toString();
    }

    @Test
    void closesTheMessageStream() throws IOException {
        boolean[] closed = {false};
        InputStream content = new ByteArrayInputStream("A: 1\r\n".getBytes()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        write(Pop3Reply.okMessage("x", content, -1));
        assertTrue(closed[0]);
    }

    /** What a client does: drop the status line and terminator, undo the dot-stuffing. */
    static byte[] unstuff(byte[] response) {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        String body = text.substring(text.indexOf("\r\n") + 2, text.length() - 3);
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\r\n", -1)) {
            out.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        out.setLength(out.length() - 2);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
