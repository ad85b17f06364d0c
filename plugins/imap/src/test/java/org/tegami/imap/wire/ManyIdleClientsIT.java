package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.testing.TestServer;

/**
 * Many clients IDLE on the same INBOX; one delivery reaches every one of them. The count is
 * {@code -Dimap.idle.clients} (default 100, to stay fast); the resident memory of this JVM
 * (server and clients together) is printed for the record.
 */
class ManyIdleClientsIT {

    @Test
    void everyIdlingClientSeesTheDelivery() throws Exception {
        int count = Integer.getInteger("imap.idle.clients", 100);
        TestServer.Builder builder = TestServer.builder().config("net.max-connections", String.valueOf(count + 10))
                .config("net.max-connections-per-ip", String.valueOf(count + 10));
        try (ImapServers server = ImapServers.start(builder)) {
            List<ImapClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", server.port("imap")), 5000);
                    socket.setSoTimeout(20_000);
                    ImapClient c = new ImapClient(socket.getInputStream(), socket.getOutputStream(), socket::close);
                    clients.add(c);
                    c.expect("\\* OK .*");
                    c.ok("a", "LOGIN t7@localhost secret");
                    c.ok("b", "SELECT INBOX");
                    c.send("c IDLE");
                    c.expect("\\+ idling");
                }
                long rssBefore = residentKb();
                server.dropIntoNew("t7@localhost", "Subject: for everyone\r\n\r\nhi\r\n");
                long start = System.nanoTime();
                ExecutorService readers = Executors.newFixedThreadPool(16);
                List<Future<Boolean>> seen = new ArrayList<>();
                for (ImapClient c : clients) {
                    seen.add(readers.submit(() -> c.readLine().equals("* 1 EXISTS")));
                }
                for (Future<Boolean> f : seen) {
                    assertTrue(f.get(30, TimeUnit.SECONDS));
                }
                readers.shutdown();
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.printf("%d IDLE clients: all saw EXISTS after %d ms; resident memory %d MB (server and"
                        + " clients in one JVM)%n", count, millis, rssBefore / 1024);
                assertTrue(millis < 10_000, "slow: " + millis + " ms");
            } finally {
                for (ImapClient c : clients) {
                    c.close();
                }
            }
        }
    }

    private static long residentKb() throws IOException {
        if (!Files.isReadable(Path.of("/proc/self/status"))) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
