package org.tegami.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN, spool promise 1: a {@code kill -9} in the middle of delivering loses nothing and
 * delivers nothing twice.
 */
class CrashRecoveryIT {

    private static final int MESSAGES = 500;

    @Test
    void killDuringDeliveryLosesNothingAndDuplicatesNothing(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "queue.workers = 4\n");
        install.dropIncoming(0, MESSAGES);
        Process first = install.start("first.log");
        Process second = null;
        try {
            int before = install.awaitDelivered(60, Duration.ofSeconds(60));
            first.destroyForcibly().waitFor(); // SIGKILL
            int atKill = install.deliveredFiles().size();
            assertTrue(before >= 60 && atKill < MESSAGES,
                    "the kill must land while messages are still being delivered (" + atKill + " delivered)");

            second = install.start("second.log");
            int after = install.awaitDelivered(MESSAGES, Duration.ofSeconds(120));
            Thread.sleep(2000); // anything delivered twice would show up now
            after = install.deliveredFiles().size();

            Map<String, Integer> counts = new TreeMap<>(install.subjectCounts());
            Map<String, Integer> duplicates = new TreeMap<>();
            counts.forEach((subject, n) -> {
                if (n != 1) {
                    duplicates.put(subject, n);
                }
            });
            assertEquals(Map.of(), duplicates, "messages delivered more than once");
            assertEquals(MESSAGES, counts.size(), "distinct messages delivered");
            for (int i = 0; i < MESSAGES; i++) {
                assertTrue(counts.containsKey("message " + i), "message " + i + " was lost");
            }
            String problems = install.problems("second.log");
            assertEquals(MESSAGES, after, () -> "message files in the Maildirs; second.log:\n" + problems);
        } finally {
            Installation.stop(first);
            Installation.stop(second);
        }
    }
}
