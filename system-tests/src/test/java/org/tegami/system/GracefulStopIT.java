package org.tegami.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to the packaged server: stop accepting at once, let open sessions finish, lose nothing. */
class GracefulStopIT {

    @Test
    void aMessageInDataWhenSigtermArrivesIsAcceptedAndNewConnectionsAreRefused(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "");
        int port = Installation.freePort();
        install.set("smtp.listen", "127.0.0.1:" + port);
        install.set("shutdown.grace", "20s");
        Process server = install.start("run.log");
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            assertTrue(Files.exists(install.spool().resolve("tegami.pid")), "the pid file is written at start");
            try (SmtpClient client = SmtpClient.connect(port)) {
                assertEquals("250", client.startTransaction("sender@example.org", "u1@localhost").substring(0, 3));
                assertEquals("354", client.command("DATA").substring(0, 3));
                client.send("Subject: sent across the stop");
                client.send("");
                client.send("first half, before SIGTERM");

                server.destroy(); // SIGTERM
                install.awaitLog("run.log", "stopping: no new connections", Duration.ofSeconds(10));
                assertTrue(SmtpClient.awaitAccepting(port, false, Duration.ofSeconds(5)),
                        "after SIGTERM new connections are refused");
                assertTrue(server.isAlive(), "the server waits for the open session");

                client.send("second half, after SIGTERM");
                assertEquals("250", client.command(".").substring(0, 3), "the message in DATA is accepted");
                assertEquals("221", client.command("QUIT").substring(0, 3));
            }
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server ends once its session has");
            assertEquals(143, server.exitValue(), "128 + SIGTERM, as systemd's SuccessExitStatus expects");
            String log = Files.readString(install.root().resolve("run.log"));
            assertTrue(log.contains("tegami stopped"), log);
            assertFalse(log.contains("closing 1 session(s) still open"), "the session was not cut: " + log);
            assertFalse(Files.exists(install.spool().resolve("tegami.pid")), "a clean stop removes the pid file");
        } finally {
            Installation.stop(server);
        }
        if (install.deliveredFiles().isEmpty()) {
            // Accepted but not yet delivered when the server stopped: the spool holds it for the next start.
            Process again = install.start("run2.log");
            try {
                assertEquals(1, install.awaitDelivered(1, Duration.ofSeconds(30)), install.problems("run2.log"));
            } finally {
                Installation.stop(again);
            }
        }
        assertEquals(Map.of("sent across the stop", 1), install.subjectCounts());
    }

    @Test
    void anIdleSessionIsClosedWhenTheGraceTimeIsOver(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        Installation install = new Installation(dir, "");
        int port = Installation.freePort();
        install.set("smtp.listen", "127.0.0.1:" + port);
        install.set("shutdown.grace", "2s");
        Process server = install.start("run.log");
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            try (SmtpClient idle = SmtpClient.connect(port)) {
                long start = System.nanoTime();
                server.destroy();
                assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the stop does not wait for an idle client forever");
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(tookMillis >= 1500, "the session had its grace time first: " + tookMillis + " ms");
                assertTrue(Files.readString(install.root().resolve("run.log"))
                        .contains("closing 1 session(s) still open after the grace time"));
            }
        } finally {
            Installation.stop(server);
        }
    }
}
