package org.tegami.system.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged queue files, with the server stopped and while it runs: a garbled envelope, an
 * envelope cut off in the middle, a message file gone, a message file cut in half. The server starts, moves each damaged
 * entry to {@code corrupt/} with an ERROR naming it, delivers everything else, and
 * {@code tegami queue} lists the healthy entries and points at the damaged ones.
 *
 * <p>Messages are held in the queue by a one-byte quota on {@code held@localhost}; rewriting
 * {@code conf/users} without it and {@code tegami queue flush} release them.
 */
class CorruptQueueIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HELD = "held@localhost:{PLAIN}secret::::::quota=1\n";
    private static final String RELEASED = "held@localhost:{PLAIN}secret\n";
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject: (.*)\r?$");

    @Test
    void damageFoundAtStartIsMovedAsideAndEverythingElseDelivered(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        try (FaultServer server = new FaultServer(dir, Map.of("queue.retry-min", "10m", "queue.retry-max", "1h"))) {
            server.users(HELD);
            server.start();
            Map<String, String> ids = hold(server, 6, "stopped");
            server.close();

            garble(server.spool().resolve("queue").resolve(ids.get("stopped 1")));
            cutInRcptLine(server.spool().resolve("queue").resolve(ids.get("stopped 2")));
            Files.delete(server.spool().resolve("msg").resolve(ids.get("stopped 3")));
            cutInHalf(server.spool().resolve("msg").resolve(ids.get("stopped 6")));

            server.users(RELEASED);
            server.start();
            assertTrue(FaultServer.await(WAIT, () -> corrupt(server, ids.get("stopped 1"), ids.get("stopped 2"))),
                    () -> "damaged envelopes not moved aside at start:\n" + server.problems());
            server.queue("flush");
            assertTrue(FaultServer.await(WAIT, () -> server.delivered("stopped 4") && server.delivered("stopped 5")),
                    () -> "healthy entries not delivered:\n" + server.problems());
            assertTrue(FaultServer.await(WAIT, () -> corrupt(server, ids.get("stopped 3"), ids.get("stopped 6"))),
                    () -> "the entries with a missing or cut message were not moved aside:\n" + server.problems());
            try (SmtpProbe smtp = server.smtp()) {
                String reply = smtp.send("sender@example.org", "u1@localhost",
                        SmtpProbe.message("sender@example.org", "u1@localhost", "after the damage", 100));
                assertTrue(reply.startsWith("250"), reply);
            }
            assertTrue(FaultServer.await(WAIT, () -> server.delivered("after the damage")), server::problems);

            assertEquals(Map.of("stopped 4", 1, "stopped 5", 1, "after the damage", 1), server.subjectCounts());
            assertLoggedAsCorrupt(server, ids.get("stopped 1"), ids.get("stopped 2"), ids.get("stopped 3"), ids.get("stopped 6"));
            String listing = server.queue();
            System.out.println("CorruptQueueIT: tegami queue after damage found at start:\n" + listing);
            assertTrue(listing.startsWith("exit 0") && listing.contains("Mail queue is empty"), listing);
            assertFalse(listing.contains("Exception"), listing);
            assertTrue(listing.contains("4 damaged") && listing.contains(ids.get("stopped 1")), listing);
        }
    }

    @Test
    void damageWhileRunningIsMovedAsideAndEverythingElseDelivered(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        try (FaultServer server = new FaultServer(dir, Map.of("queue.retry-min", "10m", "queue.retry-max", "1h"))) {
            server.users(HELD);
            server.start();
            Map<String, String> ids = hold(server, 5, "running");

            garble(server.spool().resolve("queue").resolve(ids.get("running 1")));
            cutInRcptLine(server.spool().resolve("queue").resolve(ids.get("running 2")));
            Files.delete(server.spool().resolve("msg").resolve(ids.get("running 3")));
            cutInHalf(server.spool().resolve("msg").resolve(ids.get("running 5")));
            assertTrue(FaultServer.await(WAIT, () -> corrupt(server, ids.get("running 1"), ids.get("running 2"))),
                    () -> "damaged envelopes not moved aside:\n" + server.problems());

            try (SmtpProbe smtp = server.smtp()) {
                String reply = smtp.send("sender@example.org", "u1@localhost",
                        SmtpProbe.message("sender@example.org", "u1@localhost", "while damaged", 100));
                assertTrue(reply.startsWith("250"), reply);
            }
            assertTrue(FaultServer.await(WAIT, () -> server.delivered("while damaged")), server::problems);

            server.users(RELEASED);
            assertTrue(flushUntil(server, () -> server.delivered("running 4")),
                    () -> "the healthy held entry was not delivered:\n" + server.problems());
            assertTrue(FaultServer.await(WAIT, () -> corrupt(server, ids.get("running 3"), ids.get("running 5"))),
                    () -> "the entries with a missing or cut message were not moved aside:\n" + server.problems());

            assertEquals(Map.of("running 4", 1, "while damaged", 1), server.subjectCounts());
            assertLoggedAsCorrupt(server, ids.get("running 1"), ids.get("running 2"), ids.get("running 3"), ids.get("running 5"));
            String listing = server.queue();
            assertTrue(listing.startsWith("exit 0") && listing.contains("Mail queue is empty"), listing);
            assertTrue(listing.contains("4 damaged"), listing);
        }
    }

    /**
     * Flushes the queue every two seconds until {@code done}: the server rereads conf/users at
     * most once a second, so one flush right after the rewrite may still meet the old quota.
     */
    private static boolean flushUntil(FaultServer server, java.util.function.BooleanSupplier done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            server.queue("flush");
            if (FaultServer.await(Duration.ofSeconds(2), done)) {
                return true;
            }
        }
        return done.getAsBoolean();
    }

    /** Sends {@code count} messages to the held user and waits until each is deferred; Subject to queue id. */
    private static Map<String, String> hold(FaultServer server, int count, String prefix) throws Exception {
        try (SmtpProbe smtp = server.smtp()) {
            for (int i = 1; i <= count; i++) {
                String reply = smtp.send("sender@example.org", "held@localhost",
                        SmtpProbe.message("sender@example.org", "held@localhost", prefix + " " + i, 300));
                assertTrue(reply.startsWith("250"), reply);
            }
        }
        assertTrue(FaultServer.await(WAIT, () -> deferred(server) == count),
                () -> count + " deferred entries expected:\n" + server.listing() + "\n" + server.problems());
        Map<String, String> ids = new HashMap<>();
        try (Stream<Path> files = Files.list(server.spool().resolve("msg"))) {
            for (Path msg : files.toList()) {
                Matcher m = SUBJECT.matcher(Files.readString(msg, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    ids.put(m.group(1), msg.getFileName().toString());
                }
            }
        }
        assertEquals(count, ids.size(), ids.toString());
        return ids;
    }

    private static long deferred(FaultServer server) {
        return server.listing().lines().filter(l -> l.contains("deferred  <held@localhost>") && l.contains("4.2.2"))
                .count();
    }

    /** Replaces an envelope with bytes that are not even UTF-8. */
    private static void garble(Path envelope) throws IOException {
        byte[] junk = new byte[200];
        new java.util.Random(42).nextBytes(junk);
        junk[0] = (byte) 0xC3; // a lone lead byte: not UTF-8
        junk[1] = (byte) 0x28;
        Files.write(envelope, junk);
    }

    /** Cuts an envelope off a few characters into its recipient line, as a torn write would. */
    private static void cutInRcptLine(Path envelope) throws IOException {
        String text = Files.readString(envelope, StandardCharsets.UTF_8);
        int rcpt = text.indexOf("\nrcpt\t");
        assertTrue(rcpt > 0, text);
        Files.writeString(envelope, text.substring(0, rcpt + 8), StandardCharsets.UTF_8);
    }

    /** Cuts a message file to half its length, as a lost write or a careless editor would. */
    private static void cutInHalf(Path message) throws IOException {
        byte[] whole = Files.readAllBytes(message);
        Files.write(message, java.util.Arrays.copyOf(whole, whole.length / 2));
    }

    private static boolean corrupt(FaultServer server, String... ids) {
        for (String id : ids) {
            if (!Files.exists(server.spool().resolve("corrupt").resolve(id + ".env"))
                    || Files.exists(server.spool().resolve("queue").resolve(id))) {
                return false;
            }
        }
        return true;
    }

    private static void assertLoggedAsCorrupt(FaultServer server, String... ids) {
        List<String> errors = server.logs().lines().filter(l -> l.contains(" ERROR ")).toList();
        for (String id : ids) {
            assertTrue(errors.stream().anyMatch(l -> l.contains(id) && l.contains("corrupt")),
                    "no ERROR about " + id + " in:\n" + String.join("\n", errors));
        }
    }
}
