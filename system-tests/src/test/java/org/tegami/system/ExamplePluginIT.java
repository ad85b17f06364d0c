package org.tegami.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.testing.PluginJarBuilder;

/**
 * The example plugin of {@code docs/writing-a-plugin.md} (package {@code org.tegami.example}),
 * built from its sources into a jar and dropped into the plugins folder of the packaged server
 * while it runs: it loads, its settings take effect with {@code tegami reload}, it refuses its
 * recipients over SMTP, and it is gone once its jar is removed. No restart at any point.
 */
class ExamplePluginIT {

    private static final Path SOURCES = Path.of("src/test/java/org/tegami/example");
    private static final Path DESCRIPTOR = Path.of("src/test/resources/org/tegami/example/plugin.properties");

    @Test
    void theBlocklistPluginLoadsRefusesItsRecipientsAndUnloadsWithoutRestart(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir, @TempDir Path workshop) throws Exception {
        Installation install = new Installation(dir, "");
        Path plugins = install.ownPluginsDir();
        int port = install.listenOnFreePort("smtp");
        Process server = install.start("run.log");
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            assertEquals("250", rcpt(port, "u2@localhost"), "before the plugin");

            Path built = buildExamplePlugin(workshop);
            Path dropped = Files.move(built, plugins.resolve(built.getFileName()));
            install.awaitLog("run.log", "plugin blocklist added at run time", Duration.ofSeconds(20));
            Installation.Result listed = install.command(null, "plugins");
            assertTrue(listed.output().contains("blocklist 1.0.0")
                    && listed.output().contains("org.tegami.example.BlocklistRouter (Router)"), listed.output());

            install.set("blocklist.recipients", "u2@localhost, u3@localhost");
            install.set("blocklist.reply", "This address takes no mail");
            Installation.Result reload = install.command(null, "reload");
            assertEquals(0, reload.exitCode(), reload.output());
            assertTrue(reload.output().contains("plugins restarted: blocklist"), reload.output());
            assertEquals("550 5.7.1 This address takes no mail", rcptReply(port, "u2@localhost"));
            assertEquals("250", rcpt(port, "u4@localhost"), "other recipients pass");

            Files.delete(dropped);
            install.awaitLog("run.log", "plugin blocklist removed at run time", Duration.ofSeconds(20));
            assertEquals("250", rcpt(port, "u2@localhost"), "after the plugin is gone");
            Installation.Result stale = install.command(null, "reload");
            assertEquals(78, stale.exitCode(), "its keys must go with it: " + stale.output());
            assertTrue(stale.output().contains("blocklist.recipients: unknown key"), stale.output());
            assertTrue(server.isAlive());
        } finally {
            Installation.stop(server);
        }
    }

    /** Compiles the example's sources with its descriptor, as its own Maven build would. */
    private static Path buildExamplePlugin(Path directory) throws IOException {
        Properties descriptor = new Properties();
        try (Reader in = Files.newBufferedReader(DESCRIPTOR)) {
            descriptor.load(in);
        }
        PluginJarBuilder jar = new PluginJarBuilder(descriptor.getProperty("plugin.id"))
                .version(descriptor.getProperty("plugin.version"))
                .pluginClass(descriptor.getProperty("plugin.class"))
                .resource("plugin.properties", Files.readString(DESCRIPTOR));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(SOURCES, "*.java")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replace(".java", "");
                jar.source("org.tegami.example." + name, Files.readString(file));
            }
        }
        return jar.buildInto(directory);
    }

    private static String rcpt(int port, String recipient) throws IOException {
        return rcptReply(port, recipient).substring(0, 3);
    }

    private static String rcptReply(int port, String recipient) throws IOException {
        try (SmtpClient client = SmtpClient.connect(port)) {
            String reply = client.startTransaction("sender@example.org", recipient);
            client.command("QUIT");
            return reply;
        }
    }
}
