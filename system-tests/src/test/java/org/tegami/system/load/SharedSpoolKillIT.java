package org.tegami.system.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.system.Installation;

/**
 * DESIGN, spool promises 1 and 4 under load: two server processes share one spool and mail
 * root while SMTP clients submit to both; one is killed with SIGKILL while it holds claims,
 * the survivor keeps running and takes those claims back after the lease. Every message that
 * got a 250 from either is delivered exactly once to each of its recipients; one whose
 * submission broke off may be delivered once or not at all, never twice.
 */
class SharedSpoolKillIT {

    private static final int CLIENTS_PER_INSTANCE = 3;
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject: (.*)$");

    @Test
    void killedInstanceLosesNothingAndTheSurvivorDeliversItsClaimsOnce(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        // Lease 3 s, rescan 1 s (Installation's base); the survivor's lease thread touches its
        // own claims every second, so a claim untouched for 1.6 s belongs to the frozen one.
        Installation install = new Installation(dir, "queue.workers = 4\n");
        Process a = install.start(install.instanceConf("a"), "a.log");
        Process b = install.start(install.instanceConf("b"), "b.log");
        AtomicBoolean stop = new AtomicBoolean();
        List<SmtpSubmitter> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            int portA = install.awaitListening("a.log", "smtp", Duration.ofSeconds(60));
            int portB = install.awaitListening("b.log", "smtp", Duration.ofSeconds(60));
            for (int i = 0; i < 2 * CLIENTS_PER_INSTANCE; i++) {
                SmtpSubmitter client = i % 2 == 0 ? new SmtpSubmitter(stop, portA, portB) : new SmtpSubmitter(stop, portB, portA);
                clients.add(client);
                Thread t = new Thread(client, "submitter-" + i);
                threads.add(t);
                t.start();
            }
            Thread.sleep(5000);
            Set<String> orphans = freezeWhileHoldingClaims(a, install.spool().resolve("active"));
            a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(6000); // clients of a fall back to b; a's claims expire and b takes them back
            stop.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }

            Map<String, List<String>> accepted = new HashMap<>();
            Set<String> uncertain = new HashSet<>();
            clients.forEach(c -> {
                accepted.putAll(c.accepted());
                uncertain.addAll(c.uncertain());
            });
            Set<String> expected = new HashSet<>();
            accepted.forEach((subject, to) -> to.forEach(rcpt -> expected.add(user(rcpt) + " " + subject)));
            Map<String, Integer> copies = awaitCopies(install, expected, Duration.ofSeconds(60));
            Thread.sleep(2000); // a second copy of anything would show up now
            copies = copiesByUserAndSubject(install);

            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(copies.keySet());
            assertEquals(Set.of(), missing, () -> "accepted but not delivered; b.log:\n" + problems(install));
            copies.values().removeIf(n -> n == 1);
            assertEquals(Map.of(), copies, "delivered more than once");
            for (String delivered : copiesByUserAndSubject(install).keySet()) {
                String subject = delivered.substring(delivered.indexOf(' ') + 1);
                assertTrue(accepted.containsKey(subject) || uncertain.contains(subject),
                        "delivered but never submitted: " + delivered);
            }
            String bLog = Files.readString(dir.resolve("b.log"), StandardCharsets.ISO_8859_1);
            assertTrue(orphans.stream().anyMatch(id -> bLog.contains(id + ": claim expired, taken back")),
                    "b took back none of a's claims " + orphans);
            try (Stream<Path> left = Files.list(install.spool().resolve("active"))) {
                assertEquals(List.of(), left.toList(), "claims left in active/");
            }
            assertTrue(accepted.size() > 50, "too little load to show anything: " + accepted.size());
            System.out.printf("shared spool kill: %d messages accepted (%d recipients), %d uncertain, "
                    + "%d claims of the killed instance taken back%n", accepted.size(), expected.size(),
                    uncertain.size(), orphans.size());
        } finally {
            stop.set(true);
            Installation.stop(a);
            Installation.stop(b);
        }
    }

    /**
     * Stops {@code p} (SIGSTOP) until {@code active/} holds claims nobody touched for 1.6 s:
     * they are the stopped instance's, frozen exactly as a kill leaves them. Retries a few
     * times (resuming in between) when it held none. Returns their ids.
     */
    private static Set<String> freezeWhileHoldingClaims(Process p, Path active) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            signal(p, "STOP");
            Thread.sleep(1600);
            Set<String> frozen = new HashSet<>();
            Instant untouchedSince = Instant.now().minusMillis(1300);
            try (Stream<Path> claims = Files.list(active)) {
                for (Path claim : claims.toList()) {
                    try {
                        if (Files.getLastModifiedTime(claim).toInstant().isBefore(untouchedSince)) {
                            frozen.add(claim.getFileName().toString());
                        }
                    } catch (IOException finishedMeanwhile) {
                        // delivered and removed by the survivor while listing
                    }
                }
            }
            if (!frozen.isEmpty()) {
                return frozen;
            }
            signal(p, "CONT");
            Thread.sleep(300);
        }
        throw new AssertionError("the instance to kill never held a claim");
    }

    private static void signal(Process p, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);
        assertTrue(p.isAlive(), "the instance died on its own");
    }

    private static Map<String, Integer> awaitCopies(Installation install, Set<String> expected, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> copies = copiesByUserAndSubject(install);
        while (!copies.keySet().containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            copies = copiesByUserAndSubject(install);
        }
        return copies;
    }

    /** "u3 load 17" to the number of files with that Subject in u3's Maildir. */
    private static Map<String, Integer> copiesByUserAndSubject(Installation install) throws IOException {
        Path mail = install.spool().resolve("mail");
        Map<String, Integer> copies = new HashMap<>();
        for (Path file : install.deliveredFiles()) {
            String user = mail.relativize(file).getName(1).toString();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (IOException movedByFlagChange) {
                continue;
            }
            Matcher m = SUBJECT.matcher(text);
            copies.merge(user + " " + (m.find() ? m.group(1).trim() : "(no subject)"), 1, Integer::sum);
        }
        return copies;
    }

    private static String user(String address) {
        return address.substring(0, address.indexOf('@'));
    }

    private static String problems(Installation install) {
        try {
            return install.problems("b.log");
        } catch (IOException e) {
            return e.toString();
        }
    }
}
