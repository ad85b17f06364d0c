package org.tegami.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command line, as an operator runs it. */
class CommandLineIT {

    @Test
    void sendmailWhileTheDaemonIsDownIsDeliveredWhenItStarts(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "");
        Installation.Result sent = install.command("Subject: first mail\n\nhello\n", "sendmail", "-f",
                "root@localhost", "u1@localhost");
        assertEquals(0, sent.exitCode(), sent.output());
        assertEquals(0, install.deliveredFiles().size());
        Process server = install.start("run.log");
        try {
            assertEquals(1, install.awaitDelivered(1, Duration.ofSeconds(30)));
            Path file = install.deliveredFiles().get(0);
            assertTrue(file.startsWith(install.spool().resolve("mail/localhost/u1/new")), file.toString());
            String text = Files.readString(file);
            assertTrue(text.startsWith("Return-Path: <root@localhost>\nDelivered-To: u1@localhost\n"), text);
            assertTrue(text.contains("Subject: first mail\n") && text.endsWith("hello\n"), text);
        } finally {
            Installation.stop(server);
        }
    }

    @Test
    void sendmailWorksForAnyLocalUserAndTheMessageSaysWhichUidSentIt(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        Assumptions.assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "setpriv needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Installation install = new Installation(dir, "");
        Process server = install.start("run.log");
        try {
            for (int i = 0; i < 300 && !Files.isDirectory(install.spool().resolve("incoming")); i++) {
                Thread.sleep(100); // the daemon makes the spool's folders as it starts
            }
            Installation.Result sent = install.commandAsUser(65534, "Subject: from cron\n\nhello\n", "sendmail",
                    "u1@localhost");
            assertEquals(0, sent.exitCode(), sent.output());

            assertEquals(1, install.awaitDelivered(1, Duration.ofSeconds(30)));
            String text = Files.readString(install.deliveredFiles().get(0));
            assertTrue(text.contains("\nReceived: (from userid 65534)\n\tid I"), text);
            assertTrue(text.contains("Subject: from cron\n"), text);
        } finally {
            Installation.stop(server);
        }
    }

    @Test
    void badConfigStopsTheStartNamingFileAndLine(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "queue.max-age = forever\nsmtpp.listen = 127.0.0.1:25\n");
        Installation.Result run = install.command(null, "run");
        assertEquals(78, run.exitCode(), run.output());
        assertTrue(run.output().contains("tegami.conf:") && run.output().contains("queue.max-age"), run.output());

        Installation.Result check = install.command(null, "check-config");
        assertEquals(78, check.exitCode(), check.output());
        assertTrue(check.output().contains("queue.max-age") && check.output().contains("smtpp.listen"), check.output());
    }

    @Test
    void theShippedConfigurationIsCleanWithTheBundledPlugins() throws Exception {
        // The repository's own conf/, with plugins.dir = plugins: every plugin key is known.
        Installation.Result check = Installation.run(null, "--conf", Installation.REPO.resolve("conf").toString(),
                "check-config");
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("tegami.conf: ok"), check.output());
    }

    @Test
    void pluginsListsTheBundledPlugins(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "");
        Installation.Result plugins = install.command(null, "plugins");
        assertEquals(0, plugins.exitCode(), plugins.output());
        assertTrue(plugins.output().contains("routing") && plugins.output().contains("Router"), plugins.output());
    }

    @Test
    void unknownCommandAndHelp(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "");
        Installation.Result unknown = install.command(null, "frobnicate");
        assertEquals(64, unknown.exitCode());
        assertTrue(unknown.output().contains("unknown command 'frobnicate'"), unknown.output());
        Installation.Result help = install.command(null, "--help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"run", "sendmail", "queue", "user", "plugins", "check-config"}) {
            assertTrue(help.output().contains(command), command + " missing from --help: " + help.output());
        }
    }
}
