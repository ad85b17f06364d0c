package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.testing.TestServer;

/**
 * IDLE updates come from a few threads shared by the plugin, not a thread per idling session,
 * and a DONE that meets a running update still gets its tagged reply after complete lines.
 */
class SharedIdleIT {

    private static final int SESSIONS = 50;
    /** The plugin's pool (4 threads) and a little room for threads the JVM starts on its own. */
    private static final int MORE_THREADS_ALLOWED = 10;
    private static final Pattern UNTAGGED_UPDATE =
            Pattern.compile("\\* \\d+ (EXISTS|RECENT|EXPUNGE|FETCH \\(UID \\d+ FLAGS \\((\\\\\\w+ ?)*\\)\\))");

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start(TestServer.builder().config("net.max-connections", String.valueOf(SESSIONS + 20))
                .config("net.max-connections-per-ip", String.valueOf(SESSIONS + 20)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fiftyIdlingSessionsAllSeeADeliveryWithoutAThreadEach() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<ImapClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < SESSIONS; i++) {
                ImapClient c = server.connect();
                clients.add(c);
                c.ok("a", "LOGIN t20@localhost secret");
                c.ok("b", "SELECT INBOX");
            }
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            for (ImapClient c : clients) {
                c.send("c IDLE");
                c.expect("\\+ idling");
            }
            server.dropIntoNew("t20@localhost", "Subject: for everyone\r\n\r\nhi\r\n");
            for (ImapClient c : clients) {
                c.expect("\\* 1 EXISTS");
            }
            int peak = threads.getPeakThreadCount();
            System.out.printf("%d idling sessions: %d live threads before IDLE, peak %d while idling%n", SESSIONS,
                    before, peak);
            assertTrue(peak - before <= MORE_THREADS_ALLOWED,
                    "threads grew from " + before + " to " + peak + " for " + SESSIONS + " idling sessions");
            for (ImapClient c : clients) {
                c.send("DONE");
                List<String> rest = c.readUntilTagged("c");
                assertEquals("c OK IDLE terminated", rest.get(rest.size() - 1));
            }
        } finally {
            for (ImapClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void doneDuringAnUpdateComesAfterCompleteUntaggedLines() throws Exception {
        int messages = 150;
        try (ImapClient idler = server.connect(); ImapClient writer = server.connect()) {
            writer.ok("w", "LOGIN t21@localhost secret");
            for (int i = 0; i < messages; i++) {
                server.dropIntoNew("t21@localhost", "Subject: m" + i + "\r\n\r\nbody\r\n");
            }
            writer.ok("w0", "SELECT INBOX");
            idler.ok("a", "LOGIN t21@localhost secret");
            idler.ok("b", "SELECT INBOX");
            int linesAfterDone = 0;
            for (int round = 1; round <= 20; round++) {
                idler.send("i" + round + " IDLE");
                idler.expect("\\+ idling");
                writer.send("w" + round + " STORE 1:" + messages + (round % 2 == 1 ? " +" : " -")
                        + "FLAGS.SILENT (\\Flagged)");
                String first = idler.readLine();
                assertUpdate(first);
                idler.send("DONE");
                String line = idler.readLine();
                while (!line.startsWith("i" + round + " ")) {
                    assertUpdate(line);
                    linesAfterDone++;
                    line = idler.readLine();
                }
                assertEquals("i" + round + " OK IDLE terminated", line);
                List<String> stored = writer.readUntilTagged("w" + round);
                assertTrue(stored.get(stored.size() - 1).startsWith("w" + round + " OK"), stored.toString());
                List<String> noop = idler.ok("n" + round, "NOOP");
                for (String update : noop.subList(0, noop.size() - 1)) {
                    assertUpdate(update);
                }
            }
            System.out.printf("DONE during updates: %d update lines arrived after DONE was sent%n", linesAfterDone);
        }
    }

    private static void assertUpdate(String line) {
        assertTrue(UNTAGGED_UPDATE.matcher(line).matches(), "not a complete untagged update: " + line);
    }
}
