package org.tegami.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code tegami reload} against the packaged server: checked over the wire, without a restart. */
class ReloadIT {

    @Test
    void reloadMovesTheListenerAndTakesANewDomainAndUser(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        Installation install = new Installation(dir, "");
        int oldPort = install.listenOnFreePort("smtp");
        Process server = install.start("run.log");
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            try (SmtpClient client = SmtpClient.connect(oldPort)) {
                assertNotEquals("250", client.startTransaction("sender@example.org", "newbie@example.org")
                        .substring(0, 3), "example.org is not local yet");
            }

            install.set("domains", "localhost, example.org");
            int newPort = install.listenOnFreePort("smtp");
            Files.writeString(install.conf().resolve("users"), "newbie@example.org:{PLAIN}secret\n",
                    StandardOpenOption.APPEND);
            Installation.Result reload = install.command(null, "reload");
            assertEquals(0, reload.exitCode(), reload.output());
            assertTrue(reload.output().contains("domains [localhost] -> [localhost, example.org]"), reload.output());
            assertTrue(reload.output().contains("smtp 127.0.0.1:" + oldPort + " -> 127.0.0.1:" + newPort),
                    reload.output());

            assertFalse(SmtpClient.accepting(oldPort), "the old port is closed");
            try (SmtpClient client = SmtpClient.connect(newPort)) {
                assertEquals("250", client.startTransaction("sender@example.org", "newbie@example.org")
                        .substring(0, 3), "the new domain and user are in effect");
                assertEquals("354", client.command("DATA").substring(0, 3));
                client.send("Subject: after the reload");
                client.send("");
                client.send("hello");
                assertEquals("250", client.command(".").substring(0, 3));
                client.command("QUIT");
            }
            assertEquals(1, install.awaitDelivered(1, Duration.ofSeconds(30)), install.problems("run.log"));
            assertTrue(install.deliveredFiles().get(0).startsWith(install.spool().resolve("mail/example.org/newbie")),
                    install.deliveredFiles().toString());
            assertTrue(server.isAlive(), "no restart");
            String log = Files.readString(install.root().resolve("run.log"));
            assertEquals(1, log.split("started: hostname", -1).length - 1, "started once: " + log);
            assertTrue(log.contains("reloaded ") && log.contains("domains [localhost] -> [localhost, example.org]"),
                    "one INFO line says what changed: " + log);
        } finally {
            Installation.stop(server);
        }
    }

    @Test
    void anInvalidConfigurationIsRefusedAndTheServerKeepsItsOldOne(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        Installation install = new Installation(dir, "");
        int port = install.listenOnFreePort("smtp");
        Process server = install.start("run.log");
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            install.set("domains", "localhost, example.org");
            int otherPort = install.listenOnFreePort("smtp");
            install.set("queue.workers", "many");
            Installation.Result reload = install.command(null, "reload");
            assertEquals(78, reload.exitCode(), reload.output());
            assertTrue(reload.output().contains("tegami.conf:") && reload.output().contains("queue.workers"),
                    "names file, line and key: " + reload.output());

            assertTrue(SmtpClient.accepting(port), "still on the old port");
            assertFalse(SmtpClient.accepting(otherPort), "the new port was not taken");
            try (SmtpClient client = SmtpClient.connect(port)) {
                assertEquals("250", client.startTransaction("sender@example.org", "u1@localhost").substring(0, 3));
                assertNotEquals("250", client.command("RCPT TO:<u1@example.org>").substring(0, 3),
                        "the domains are the old ones");
            }

            install.set("queue.workers", "4");
            Installation.Result fixed = install.command(null, "reload");
            assertEquals(0, fixed.exitCode(), fixed.output());
            assertTrue(fixed.output().contains("at next restart: queue.workers"), fixed.output());
            assertTrue(SmtpClient.awaitAccepting(otherPort, true, Duration.ofSeconds(5)));
        } finally {
            Installation.stop(server);
        }
    }

    @Test
    void reloadWithoutARunningServerFailsAndSaysSo(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        Installation install = new Installation(dir, "");
        Installation.Result reload = install.command(null, "reload");
        assertEquals(69, reload.exitCode(), reload.output());
        assertTrue(reload.output().contains("no tegami is running"), reload.output());
    }

    @Test
    void aServerThatCannotReceiveSighupIsReportedAtOnce(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        Installation install = new Installation(dir, "");
        install.listenOnFreePort("smtp");
        // Java itself under nohup (bin/tegami gives SIGHUP its default back; this start does not).
        Process server = install.start("run.log", List.of("nohup"));
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            assertTrue(Files.readString(install.root().resolve("run.log")).contains("will not reach this server"),
                    "the start says so in the log");
            long start = System.nanoTime();
            Installation.Result reload = install.command(null, "reload");
            assertEquals(69, reload.exitCode(), reload.output());
            assertTrue(reload.output().contains("nohup"), reload.output());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "no wait for a report");
            assertTrue(server.isAlive(), "the ignored signal did not end it");
        } finally {
            Installation.stop(server);
        }
    }
}
