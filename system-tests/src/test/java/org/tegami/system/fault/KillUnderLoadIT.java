package org.tegami.system.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN, spool promise 1, under load and over and over: SMTP clients send without pause while
 * the server is killed with SIGKILL at a random moment, restarted, and killed again. Odd
 * rounds kill while the clients are sending (acceptance and delivery both under way), even
 * rounds also drop a burst of messages into {@code incoming/} and kill while it is being
 * delivered. At the end every
 * message that got a 250 is in a Maildir exactly once, nothing is there twice, and nothing is
 * there that was not sent. The random delays come from a seed printed at the start; rerun a
 * failure with {@code -Dtegami.fault.seed=N}.
 */
class KillUnderLoadIT {

    private static final int ROUNDS = 6;
    private static final int CLIENTS = 4;
    private static final int BURST = 300;

    @Test
    void killNineUnderLoadLosesNothingAndDeliversNothingTwice(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        long seed = Long.getLong("tegami.fault.seed", System.nanoTime());
        System.out.println("KillUnderLoadIT: seed " + seed + " (rerun with -Dtegami.fault.seed=" + seed + ")");
        Random random = new Random(seed);
        Map<String, SmtpLoad.Outcome> sent = new ConcurrentHashMap<>();
        // Fewer delivery workers than clients: a backlog builds up for the delivery-time kills.
        try (FaultServer server = new FaultServer(dir, Map.of("queue.workers", "2"))) {
            int backlogKills = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                server.start();
                boolean duringDelivery = round % 2 == 0;
                SmtpLoad load = new SmtpLoad(server.smtpPort(), "r" + round, sent);
                load.start(CLIENTS, random.nextLong());
                long wait;
                if (duringDelivery) {
                    // A burst through incoming/ (as tegami sendmail queues) keeps the workers
                    // busy, so the kill lands in the middle of Maildir deliveries.
                    for (int i = 0; i < BURST; i++) {
                        String subject = "r" + round + " burst " + i;
                        server.dropIncoming("burst-" + round + "-" + i, "burst@example.org", "u" + (1 + i % 10) + "@localhost", subject);
                        sent.put(subject, SmtpLoad.Outcome.ACKNOWLEDGED); // renamed into incoming/: accepted
                    }
                    wait = 300 + random.nextInt(1200);
                } else {
                    wait = 800 + random.nextInt(2500);
                }
                Thread.sleep(wait);
                int deliveredAtKill = server.deliveredFiles().size();
                server.kill();
                load.stop();
                long acknowledged = count(sent, SmtpLoad.Outcome.ACKNOWLEDGED);
                if (acknowledged > deliveredAtKill) {
                    backlogKills++;
                }
                System.out.printf("KillUnderLoadIT: round %d killed %s after %d ms: %d acknowledged so far, "
                        + "%d delivered at the kill%n", round, duringDelivery ? "during a delivery burst" : "under SMTP load",
                        wait, acknowledged, deliveredAtKill);
            }

            server.start();
            // Once the queue is empty nothing more can arrive, so duplicates would show by then.
            assertTrue(FaultServer.await(Duration.ofSeconds(120), () -> queueEmpty(server.spool())),
                    () -> "the queue did not empty after the last restart:\n" + server.problems());
            Map<String, Integer> counts = server.subjectCounts();

            Map<String, String> wrong = new TreeMap<>();
            sent.forEach((subject, outcome) -> {
                int n = counts.getOrDefault(subject, 0);
                if (n > 1) {
                    wrong.put(subject, "delivered " + n + " times");
                } else if (n == 0 && outcome == SmtpLoad.Outcome.ACKNOWLEDGED) {
                    wrong.put(subject, "acknowledged with 250 but lost");
                }
            });
            counts.keySet().stream().filter(s -> !sent.containsKey(s)).forEach(s -> wrong.put(s, "never sent"));
            long acknowledged = count(sent, SmtpLoad.Outcome.ACKNOWLEDGED);
            long unanswered = count(sent, SmtpLoad.Outcome.UNANSWERED);
            long unansweredDelivered = sent.entrySet().stream()
                    .filter(e -> e.getValue() == SmtpLoad.Outcome.UNANSWERED && counts.containsKey(e.getKey())).count();
            long retaken = server.logs().lines().filter(l -> l.contains("claim expired, taken back")).count();
            long leftBehind = server.logs().lines().filter(l -> l.contains("removed the incoming file it was queued from")).count();
            System.out.printf("KillUnderLoadIT: %d rounds, %d messages sent, %d acknowledged, %d delivered, "
                    + "%d unanswered (%d of them delivered), %d claims taken back after kills, %d taken incoming files "
                    + "removed with their entry, %d kills with a backlog%n", ROUNDS, sent.size(), acknowledged,
                    counts.size(), unanswered, unansweredDelivered, retaken, leftBehind, backlogKills);

            assertEquals(Map.of(), wrong, () -> "seed " + seed + "\n" + server.problems());
            assertTrue(acknowledged >= ROUNDS * 10L, "too little load to show anything: " + acknowledged);
            assertTrue(backlogKills > 0, "no kill landed while messages were still being delivered");
            assertEquals(0, count(server.spool().resolve("corrupt")), "a kill left a damaged entry");
        }
    }

    private static long count(Map<String, SmtpLoad.Outcome> sent, SmtpLoad.Outcome outcome) {
        return sent.values().stream().filter(o -> o == outcome).count();
    }

    private static boolean queueEmpty(Path spool) {
        return count(spool.resolve("queue")) == 0 && count(spool.resolve("active")) == 0
                && count(spool.resolve("incoming")) == 0;
    }

    private static long count(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
