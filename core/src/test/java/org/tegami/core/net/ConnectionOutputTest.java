package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectionOutputTest {

    /** Counts the writes that would each become a TCP segment. */
    private static final class CountingSink extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }
    }

    @Test
    void flushSendsAMultiLineReplyInOneWrite() throws IOException {
        CountingSink sink = new CountingSink();
        ConnectionOutput out = new ConnectionOutput(sink);
        out.write("250-first\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write('2');
        out.write("50 last\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0, sink.writes, "nothing leaves before flush");
        out.flush();
        assertEquals(1, sink.writes);
        assertEquals("250-first\r\n250 last\r\n", sink.toString(StandardCharsets.US_ASCII));
        out.flush();
        assertEquals(1, sink.writes, "an empty flush writes nothing");
    }

    @Test
    void largeOutputLeavesInBoundedChunks() throws IOException {
        CountingSink sink = new CountingSink();
        ConnectionOutput out = new ConnectionOutput(sink);
        byte[] body = new byte[ConnectionOutput.MAX_BUFFER * 3 + 17];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        out.write(body);
        out.flush();
        assertEquals(4, sink.writes);
        assertArrayEquals(body, sink.toByteArray());
    }
}
