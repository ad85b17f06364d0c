package org.tegami.system.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the spool or the Maildirs, made real with a 4 MB tmpfs filled to the last
 * byte: SMTP answers a temporary failure and stores nothing, Maildir delivery defers and
 * delivers once space returns, IMAP APPEND says NO and leaves nothing, and the same process
 * serves on as soon as the filler is deleted. Needs root for mount; see {@link Tmpfs} for the
 * opt-out.
 */
class DiskFullIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void smtpDataOnFullSpoolIsTemporaryFailureAndStoresNothing(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("spool-fs"), "4m");
                FaultServer server = new FaultServer(dir, Map.of("spool.dir", fs.dir().resolve("spool").toString()))) {
            server.start();
            long pid = server.process().pid();
            try (SmtpProbe smtp = server.smtp()) {
                assertAccepted(smtp, "u1@localhost", "before the disk filled");
                assertTrue(FaultServer.await(WAIT, () -> server.delivered("before the disk filled")), server::problems);
                assertTrue(FaultServer.await(WAIT, () -> noEntries(server.spool())), "the delivered entry was not removed");

                Path filler = fs.fill("filler");
                for (int size : new int[] {200, 300_000}) {
                    String subject = "while the spool is full " + size;
                    String reply = smtp.send("sender@example.org", "u1@localhost",
                            SmtpProbe.message("sender@example.org", "u1@localhost", subject, size));
                    assertTrue(reply.startsWith("452 4.3.1"),
                            "DATA on a full spool must get 452 4.3.1 (insufficient storage), got: " + reply);
                    assertEquals(List.of(), entries(server.spool()), "spool files left after the refused message");
                }

                Files.delete(filler);
                assertAccepted(smtp, "u1@localhost", "after space returned");
            }
            assertTrue(FaultServer.await(WAIT, () -> server.delivered("after space returned")), server::problems);
            Map<String, Integer> counts = server.subjectCounts();
            assertEquals(Map.of("before the disk filled", 1, "after space returned", 1), counts,
                    "only the two accepted messages arrive, once each");
            assertTrue(server.process().isAlive() && server.process().pid() == pid, "the server kept running");
        }
    }

    @Test
    void maildirDeliveryOnFullDiskIsDeferredAndDeliveredOnceSpaceReturns(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("mail-fs"), "4m");
                FaultServer server = new FaultServer(dir, Map.of("mail.dir", fs.dir().resolve("mail").toString()))) {
            server.start();
            long pid = server.process().pid();
            List<String> subjects = List.of("full 1", "full 2", "full 3");
            try (SmtpProbe smtp = server.smtp()) {
                assertAccepted(smtp, "u2@localhost", "before the disk filled");
                assertTrue(FaultServer.await(WAIT, () -> server.delivered("before the disk filled")), server::problems);

                Path filler = fs.fill("filler");
                assertAccepted(smtp, "u2@localhost", subjects.get(0));
                assertAccepted(smtp, "u3@localhost", subjects.get(1)); // a user without a Maildir yet
                String big = SmtpProbe.message("sender@example.org", "u2@localhost", subjects.get(2), 500_000);
                String reply = smtp.send("sender@example.org", "u2@localhost", big);
                assertTrue(reply.startsWith("250"), reply);

                // Each entry is tried and deferred (queue.retry-min is 2s), and stays in the queue.
                assertTrue(FaultServer.await(WAIT, () -> deferredAtLeastTwice(server, 3)),
                        () -> "three deferred entries expected:\n" + server.listing() + "\n" + server.problems());
                String listing = server.queue();
                assertTrue(listing.contains("452 4.3.1 mail system full"), "the queue says why:\n" + listing);
                assertFalse(listing.contains("failed "), "nothing may fail for lack of space:\n" + listing);
                assertEquals(Map.of("before the disk filled", 1), server.subjectCounts(), "nothing new delivered yet");
                assertEquals(List.of(), maildirTmpFiles(server.mail()), "partial files left in a Maildir tmp/");

                Files.delete(filler);
            }
            assertTrue(FaultServer.await(WAIT, () -> subjects.stream().allMatch(server::delivered)),
                    () -> "not delivered after space returned:\n" + server.listing() + "\n" + server.problems());
            assertTrue(FaultServer.await(WAIT, () -> server.listing().contains("Mail queue is empty")), () -> server.listing());
            Map<String, Integer> counts = server.subjectCounts();
            assertEquals(Map.of("before the disk filled", 1, "full 1", 1, "full 2", 1, "full 3", 1), counts);
            assertTrue(server.process().isAlive() && server.process().pid() == pid, "the server kept running");
        }
    }

    @Test
    void imapAppendOnFullDiskSaysNoAndLeavesNothing(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("mail-fs"), "4m");
                FaultServer server = new FaultServer(dir, Map.of("mail.dir", fs.dir().resolve("mail").toString()))) {
            server.start();
            long pid = server.process().pid();
            try (ImapProbe imap = server.imap(1)) {
                String ok = imap.append("INBOX", bytes("before the disk filled", 1_000));
                assertTrue(ok.startsWith("OK"), ok);
                assertEquals(1, imap.count("INBOX"));

                Path filler = fs.fill("filler");
                for (int size : new int[] {100, 300_000}) {
                    String no = imap.append("INBOX", bytes("while the disk is full " + size, size));
                    assertTrue(no.startsWith("NO"), "APPEND on a full disk must be refused, got: " + no);
                    assertFalse(no.contains("SERVERBUG"), "a full disk is no server bug: " + no);
                    assertEquals(1, imap.count("INBOX"), "no partial message in the folder");
                    assertEquals(1, server.deliveredFiles().size(), "no message file from the refused APPEND");
                    assertEquals(List.of(), maildirTmpFiles(server.mail()), "partial files left in a Maildir tmp/");
                }

                Files.delete(filler);
                String again = imap.append("INBOX", bytes("after space returned", 300_000));
                assertTrue(again.startsWith("OK"), again);
                assertEquals(2, imap.count("INBOX"));
            }
            assertEquals(Map.of("before the disk filled", 1, "after space returned", 1), server.subjectCounts());
            assertTrue(server.process().isAlive() && server.process().pid() == pid, "the server kept running");
        }
    }

    @Test
    void spoolAndMaildirsOnOneFullDiskLoseNothingAndDeliverOnceSpaceReturns(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        // Both on one small disk: a delivery attempt cannot even save its outcome in the spool.
        // The lease is long, as in production: an attempt the full disk ends must come back
        // after queue.retry-min (2 s here), not only once its claim's lease is over.
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("data-fs"), "4m");
                FaultServer server = new FaultServer(dir, Map.of("spool.dir", fs.dir().resolve("spool").toString(),
                        "queue.lease", "10m"))) {
            server.users("held@localhost:{PLAIN}secret::::::quota=1\n");
            server.start();
            long pid = server.process().pid();
            List<String> subjects = List.of("held 1", "held 2", "held 3");
            try (SmtpProbe smtp = server.smtp()) {
                for (String subject : subjects) {
                    assertAccepted(smtp, "held@localhost", subject);
                }
                // Deferred by the one-byte quota, retried every few seconds.
                assertTrue(FaultServer.await(WAIT, () -> server.listing().lines().filter(l -> l.contains("4.2.2")).count() == 3),
                        () -> server.listing());

                Path filler = fs.fill("filler");
                server.users("held@localhost:{PLAIN}secret\n"); // quota gone: now only the disk holds them
                String refused = smtp.send("sender@example.org", "u1@localhost",
                        SmtpProbe.message("sender@example.org", "u1@localhost", "while everything is full", 1000));
                assertTrue(refused.startsWith("451") || refused.startsWith("452"), refused);
                // Let the retries run into the full disk for a while: Maildir writes and spool saves fail.
                assertTrue(FaultServer.await(WAIT, () -> server.logs().contains("mail system full")
                        || server.logs().contains("No space left on device")), server::problems);
                assertTrue(FaultServer.await(WAIT, () -> server.logs().lines()
                        .filter(l -> l.contains("No space left on device")).count() >= 6), server::problems);
                assertEquals(Map.of(), server.subjectCounts(), "nothing can have been delivered");

                Files.delete(filler);
                assertAccepted(smtp, "u1@localhost", "after space returned");
            }
            assertTrue(FaultServer.await(WAIT, () -> subjects.stream().allMatch(server::delivered)
                    && server.delivered("after space returned")),
                    () -> "not delivered after space returned:\n" + server.listing() + "\n" + server.problems());
            assertTrue(FaultServer.await(WAIT, () -> server.listing().contains("Mail queue is empty")), () -> server.listing());
            assertEquals(Map.of("held 1", 1, "held 2", 1, "held 3", 1, "after space returned", 1), server.subjectCounts());
            assertFalse(server.listing().contains("damaged"), "a full disk must not make entries look damaged");
            assertTrue(server.process().isAlive() && server.process().pid() == pid, "the server kept running");
        }
    }

    @Test
    void relayWhileTheSpoolIsFullDoesNotSendTwice(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        try (SmtpSink remote = new SmtpSink();
                Tmpfs fs = Tmpfs.mount(dir.resolve("spool-fs"), "4m")) {
            Files.createDirectories(dir.resolve("conf"));
            Files.writeString(dir.resolve("conf/routes"), "remote.test relay smtp:[127.0.0.1]:" + remote.port() + "\n");
            try (FaultServer server = new FaultServer(dir, Map.of("spool.dir", fs.dir().resolve("spool").toString(),
                    "mail.dir", dir.resolve("mail").toString()))) {
                server.start();
                remote.refuse(true); // held back by the remote for now, retried every few seconds
                server.dropIncoming("out", "u1@localhost", "someone@remote.test", "relayed while full");
                assertTrue(FaultServer.await(WAIT, () -> server.listing().contains("try again later")), () -> server.listing());

                Path filler = fs.fill("filler");
                remote.refuse(false);
                // Retries now reach a remote that accepts, but the spool has no room to record that it did.
                assertTrue(FaultServer.await(WAIT, () -> server.logs().lines()
                        .filter(l -> l.contains("No space left on device")).count() >= 3), server::problems);
                int whileFull = remote.received().size();

                Files.delete(filler);
                assertTrue(FaultServer.await(WAIT, () -> server.listing().contains("Mail queue is empty")),
                        () -> server.listing() + "\n" + server.problems());
                assertEquals(List.of("relayed while full"), remote.received(),
                        "relayed " + whileFull + " time(s) while the spool was full; every copy after the first is a duplicate");
                assertEquals(Map.of(), server.subjectCounts(), "no bounce");
            }
        }
    }

    private static void assertAccepted(SmtpProbe smtp, String to, String subject) throws IOException {
        String reply = smtp.send("sender@example.org", to, SmtpProbe.message("sender@example.org", to, subject, 500));
        assertTrue(reply.startsWith("250"), subject + ": " + reply);
    }

    private static byte[] bytes(String subject, int size) {
        return SmtpProbe.message("sender@example.org", "u1@localhost", subject, size).getBytes(StandardCharsets.UTF_8);
    }

    /** Files of queued, claimed, committed or half-written entries. */
    private static List<Path> entries(Path spool) throws IOException {
        List<Path> all = new java.util.ArrayList<>();
        for (String sub : List.of("tmp", "msg", "queue", "active")) {
            Path d = spool.resolve(sub);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.forEach(all::add);
                }
            }
        }
        return all;
    }

    private static boolean noEntries(Path spool) {
        try {
            return entries(spool).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> maildirTmpFiles(Path mail) throws IOException {
        if (!Files.isDirectory(mail)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(mail)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getParent().getFileName().toString().equals("tmp")).toList();
        }
    }

    private static boolean deferredAtLeastTwice(FaultServer server, int entries) {
        String listing = server.listing();
        return listing.lines().filter(l -> l.contains("deferred") && !l.contains("attempts=1 ")
                && !l.contains("attempts=0")).count() >= entries;
    }
}
