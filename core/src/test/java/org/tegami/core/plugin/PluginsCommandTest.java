package org.tegami.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.core.cli.CliContext;
import org.tegami.core.cli.Main;

class PluginsCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int tegami(String... args) {
        CliContext context = new CliContext(root.resolve("conf"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return Main.run(List.of(args), context);
    }

    @Test
    void listsPluginsFromTheConfiguredFolderWithExtensionsAndFailures() throws Exception {
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/tegami.conf"), """
                # where plugins live
                hostname = localhost
                plugins.dir = extra/plugins
                """);
        Path plugins = Files.createDirectories(root.resolve("extra/plugins"));
        TestPlugins.good(plugins, "good");
        TestPlugins.failingPluginStart(plugins);

        int status = tegami("--conf", root.resolve("conf").toString(), "plugins");

        String listing = out.toString(StandardCharsets.UTF_8);
        assertEquals(70, status, listing + err);
        assertTrue(listing.startsWith("plugins in " + plugins + ": 2"), listing);
        assertTrue(listing.contains("brokenstart 1.0.0 FAILED: plugin start broken on purpose\n"), listing);
        assertTrue(listing.contains("good 2.1.0 STARTED\n"
                + "  test.good.GoodHandler (ProtocolHandler)\n"
                + "  test.good.GoodRouter (Router)\n"), listing);
    }

    @Test
    void withoutAConfigFileLooksBesideTheConfFolder() throws Exception {
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        TestPlugins.good(plugins, "good");
        int status = tegami("plugins");
        String listing = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, listing + err);
        assertTrue(listing.contains("good 2.1.0 STARTED"), listing);
    }
}
