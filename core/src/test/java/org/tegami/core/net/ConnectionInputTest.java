package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
