package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tegami.pop3.testing.Pop3TestServer;

/**
 * A client over the connection limit reads a negative greeting with the temporary-failure
 * code (RFC 3206 4) and sees the connection closed, instead of a silent close.
 */
class ConnectionLimitIT {

    @Test
    void clientOverTheLimitReadsTemporaryFailureAndIsClosed() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.start(b -> b.config("net.max-connections", "1")
                .config("net.max-connections-per-ip", "1"));
                Socket first = new Socket(InetAddress.getLoopbackAddress(), server.pop3Port());
                Socket second = new Socket(InetAddress.getLoopbackAddress(), server.pop3Port())) {
            first.setSoTimeout(10_000);
            second.setSoTimeout(10_000);
            BufferedReader in1 = reader(first);
            assertTrue(in1.readLine().startsWith("+OK"), "the first client is greeted");
            BufferedReader in2 = reader(second);
            assertEquals("-ERR [SYS/TEMP] Too many connections, try again later", in2.readLine());
            assertEquals(-1, in2.read(), "closed after the refusal");
            first.getOutputStream().write("CAPA\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(in1.readLine().startsWith("+OK"), "the admitted session goes on");
        }
    }

    private static BufferedReader reader(Socket socket) throws Exception {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }
}
