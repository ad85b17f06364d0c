package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;

/** A 2 MB message: appended with a non-synchronising literal, searched, fetched whole and in part. */
class LargeMessageIT {

    private static final int LINES = 40_000;
    private static final int HEADER_LENGTH = "Subject: big\r\nContent-Type: text/plain\r\n\r\n".length();

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] bigMessage() {
        StringBuilder text = new StringBuilder("Subject: big\r\nContent-Type: text/plain\r\n\r\n");
        for (int i = 0; i < LINES; i++) {
            text.append(String.format("line %08d of a rather long message to see streaming\r\n", i));
        }
        text.append("needle at the end\r\n");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void appendsAndStreamsALargeMessage() throws Exception {
        byte[] message = bigMessage();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port("imap")), 5000);
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ImapClient c = new ImapClient(in, out, socket::close);
            c.expect("\\* OK .*");
            c.ok("a", "LOGIN t5@localhost secret");
            out.write(("b APPEND INBOX {" + message.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            c.expect("b OK \\[APPENDUID \\d+ 1\\] APPEND completed");
            c.ok("c", "SELECT INBOX");
            assertEquals("* SEARCH 1", c.ok("d", "SEARCH BODY \"needle at the end\"").get(0));
            assertEquals("* 1 FETCH (RFC822.SIZE " + message.length + ")", c.ok("e", "FETCH 1 RFC822.SIZE").get(0));

            c.send("f FETCH 1 BODY.PEEK[]");
            String head = c.rawLine();
            assertEquals("* 1 FETCH (BODY[] {" + message.length + "}", head);
            byte[] body = in.readNBytes(message.length);
            assertTrue(java.util.Arrays.equals(message, body), "body differs");
            assertEquals(")", c.rawLine());
            c.expect("f OK FETCH completed");

            String partial = c.ok("g", "FETCH 1 BODY.PEEK[TEXT]<" + (message.length - 100) + ".50>").get(0);
            assertTrue(partial.startsWith("* 1 FETCH (BODY[TEXT]<" + (message.length - 100) + "> {50}"), partial);
            String expected = new String(message, HEADER_LENGTH + message.length - 100, 50, StandardCharsets.US_ASCII);
            assertTrue(partial.endsWith("\r\n" + expected + ")"), partial);
        }
    }
}
