package org.tegami.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN, spool promise 4: two instances on one spool never deliver a message twice. */
class SharedSpoolIT {

    private static final int MESSAGES = 400;

    @Test
    void twoProcessesOnOneSpoolDeliverEachMessageOnce(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "queue.workers = 3\n");
        Process a = install.start("a.log");
        Process b = install.start("b.log");
        try {
            Thread.sleep(1500);
            install.dropIncoming(0, MESSAGES);
            install.awaitDelivered(MESSAGES, Duration.ofSeconds(120));
            Thread.sleep(2000);
            Map<String, Integer> counts = new TreeMap<>(install.subjectCounts());
            counts.values().removeIf(n -> n == 1);
            assertEquals(Map.of(), counts, "messages delivered more than once");
            assertEquals(MESSAGES, install.deliveredFiles().size(),
                    () -> problemsOf(install));
            // Both instances must have taken part, or the test shows nothing.
            assertTrue(delivered(install.root().resolve("a.log")) > 0, "instance a delivered nothing");
            assertTrue(delivered(install.root().resolve("b.log")) > 0, "instance b delivered nothing");
        } finally {
            Installation.stop(a);
            Installation.stop(b);
        }
    }

    private static String problemsOf(Installation install) {
        try {
            return "a.log:\n" + install.problems("a.log") + "\nb.log:\n" + install.problems("b.log");
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static long delivered(Path log) throws Exception {
        return Files.readAllLines(log).stream().filter(l -> l.contains("status=sent")).count();
    }
}
