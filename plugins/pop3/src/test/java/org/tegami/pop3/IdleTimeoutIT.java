package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tegami.pop3.testing.Pop3TestServer;
import org.tegami.pop3.testing.StandardMaildrop;

/**
 * The autologout timer (RFC 1939 section 3, {@code pop3.idle-timeout}) over the real host: an
 * idle client is told and disconnected, and its deletion marks are dropped.
 */
class IdleTimeoutIT {

    @Test
    void idleClientIsLoggedOutWithoutUpdate() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.start(b -> b.config("pop3.idle-timeout", "1s"))) {
            for (String message : StandardMaildrop.MESSAGES) {
                server.append(StandardMaildrop.USER, message.getBytes(StandardCharsets.UTF_8));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.pop3Port())) {
                socket.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                out.write(("USER " + StandardMaildrop.USER + "\r\nPASS " + StandardMaildrop.PASSWORD
                        + "\r\nDELE 1\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertTrue(in.readLine().startsWith("+OK"));
                assertTrue(in.readLine().startsWith("+OK"));
                assertTrue(in.readLine().startsWith("+OK maildrop"));
                assertEquals("+OK message 1 deleted", in.readLine());
                long start = System.nanoTime();
                assertEquals("-ERR autologout timer expired", in.readLine());
                assertNull(in.readLine());
                assertTrue(System.nanoTime() - start < 5_000_000_000L, "logged out after about a second");
            }
            assertEquals(3, server.inbox(StandardMaildrop.USER).size());
        }
    }
}
