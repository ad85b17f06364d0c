package org.tegami.system.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote MX that takes the connection and then says nothing at all: the relay gives up after
 * {@code smtp.relay.greeting-timeout}, the message is deferred (not lost, not bounced), and local
 * mail is delivered while the relay still waits.
 */
class SilentMxIT {

    private static final int TIMEOUT_SECONDS = 12;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void mxThatNeverAnswersTimesOutAndIsDeferredWhileLocalMailFlows(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        try (SilentMx mx = new SilentMx()) {
            Files.createDirectories(dir.resolve("conf"));
            Files.writeString(dir.resolve("conf/routes"), "silent.test relay smtp:[127.0.0.1]:" + mx.port() + "\n");
            try (FaultServer server = new FaultServer(dir, Map.of("smtp.relay.greeting-timeout", TIMEOUT_SECONDS + "s",
                    "queue.retry-min", "10m", "queue.retry-max", "1h"))) {
                server.start();
                server.dropIncoming("remote", "u9@localhost", "someone@silent.test", "to the silent mx");
                assertTrue(FaultServer.await(WAIT, () -> !mx.calls().isEmpty()),
                        () -> "the relay never connected to the silent MX:\n" + server.problems());
                SilentMx.Call call = mx.calls().get(0);

                try (SmtpProbe smtp = server.smtp()) {
                    String local = SmtpProbe.message("sender@example.org", "u1@localhost", "local while the mx is silent", 500);
                    String reply = smtp.send("sender@example.org", "u1@localhost", local);
                    assertTrue(reply.startsWith("250"), reply);
                }
                assertTrue(FaultServer.await(WAIT, () -> server.delivered("local while the mx is silent")), server::problems);
                assertEquals(0, call.closedNanos, "local mail had to wait until the relay gave up: the queue was blocked");

                assertTrue(FaultServer.await(Duration.ofSeconds(TIMEOUT_SECONDS).plus(WAIT), () -> call.closedNanos != 0),
                        "the relay never gave up on the silent MX");
                long waitedMillis = (call.closedNanos - call.acceptedNanos) / 1_000_000;
                assertTrue(waitedMillis >= TIMEOUT_SECONDS * 1000L - 1000 && waitedMillis <= TIMEOUT_SECONDS * 1000L + 30_000,
                        "the relay gave up after " + waitedMillis + " ms, the greeting timeout is " + TIMEOUT_SECONDS + " s");
                System.out.println("SilentMxIT: the relay gave up on the silent MX after " + waitedMillis + " ms");

                assertTrue(FaultServer.await(WAIT, () -> server.listing().contains("no greeting from")),
                        () -> "deferral expected:\n" + server.listing() + "\n" + server.problems());
                String listing = server.queue();
                System.out.println("SilentMxIT: tegami queue:\n" + listing);
                assertTrue(listing.contains("deferred  <someone@silent.test>") && listing.contains("451 4.4.2"), listing);
                assertFalse(listing.contains("failed "), listing);
                assertEquals(Map.of("local while the mx is silent", 1), server.subjectCounts(), "no bounce to the sender");
            }
        }
    }
}
