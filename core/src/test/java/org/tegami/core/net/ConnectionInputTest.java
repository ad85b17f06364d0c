package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectionInputTest {

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void switchingSourceDiscardsBufferedBytes() throws IOException {
        ConnectionInput in = new ConnectionInput(bytes("STARTTLS\r\nINJECTED\r\n"));
        StringBuilder first = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            first.append((char) b);
        }
        assertEquals("STARTTLS\r", first.toString());
        assertEquals(10, in.switchSource(bytes("SECURE\r\n")));
        byte[] rest = in.readAllBytes();
        assertEquals("SECURE\r\n", new String(rest, StandardCharsets.US_ASCII));
    }

    @Test
    void bulkReadsSeeEveryByteOnce() throws IOException {
        String text = "x".repeat(20000) + "end";
        ConnectionInput in = new ConnectionInput(bytes(text));
        assertEquals('x', in.read());
        assertEquals(text.substring(1), new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        assertEquals(-1, in.read());
    }

    @Test
    void afterAWakeBufferedBytesAreEndOfStream() throws IOException {
        CommandWait wait = new CommandWait(() -> true);
        ConnectionInput in = new ConnectionInput(bytes("NOOP\r\nNOOP\r\n"), wait);
        assertEquals('N', in.read());
        in.skipNBytes(5);
        assertTrue(wait.begin());
        wait.stop();
        assertEquals(-1, in.read(), "the pipelined command is not handed out");
        assertEquals(-1, in.read(new byte[10], 0, 10));
        assertEquals(0, in.available());
        assertFalse(wait.end());
    }

    @Test
    void theFirstByteHandedOutEndsTheWait() throws IOException {
        CommandWait wait = new CommandWait(() -> true);
        ConnectionInput in = new ConnectionInput(bytes("NOOP\r\n"), wait);
        assertTrue(wait.begin());
        assertEquals('N', in.read());
        wait.stop();
        assertEquals('O', in.read(), "a command under way is read to its end");
        assertTrue(wait.end());
        assertFalse(wait.begin());
    }
}
