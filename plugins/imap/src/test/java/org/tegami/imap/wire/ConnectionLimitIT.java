package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.testing.TestServer;

/**
 * A client over the connection limit reads a BYE greeting and sees the connection closed,
 * instead of a silent close that looks like a network failure (RFC 3501 7.1.5).
 */
class ConnectionLimitIT {

    @Test
    void clientOverTheLimitReadsByeAndIsClosed() throws Exception {
        TestServer.Builder builder = TestServer.builder().config("net.max-connections", "2")
                .config("net.max-connections-per-ip", "2");
        try (ImapServers server = ImapServers.start(builder);
                ImapClient first = server.connect();
                ImapClient second = server.connect();
                Socket third = new Socket()) {
            third.connect(new InetSocketAddress("127.0.0.1", server.port("imap")), 5000);
            third.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(third.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertEquals("* BYE [UNAVAILABLE] Too many connections, try again later", in.readLine());
            assertEquals(-1, in.read(), "closed after the BYE");
            first.ok("a", "NOOP");
            second.ok("a", "NOOP");
        }
    }

    @Test
    void slotIsFreeAgainAfterLogout() throws Exception {
        TestServer.Builder builder = TestServer.builder().config("net.max-connections", "1")
                .config("net.max-connections-per-ip", "1");
        try (ImapServers server = ImapServers.start(builder)) {
            try (ImapClient only = server.connect()) {
                only.send("z LOGOUT");
                only.expect("\\* BYE .*");
                only.expect("z OK .*");
            }
            assertTrue(reconnects(server), "the released slot admits the next client");
        }
    }

    /** The host releases a slot just after the session ends: retry the next connection briefly. */
    private static boolean reconnects(ImapServers server) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ImapClient again = server.connect()) {
                again.ok("a", "NOOP");
                return true;
            } catch (IOException | AssertionError refused) {
                Thread.sleep(50);
            }
        }
        return false;
    }
}
