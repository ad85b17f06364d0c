package org.tegami.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.Router;
import org.tegami.api.TegamiExtension;

class PluginHostTest {

    @TempDir
    Path plugins;

    private final Fakes fakes = new Fakes();

    private static Map<String, PluginInfo> byId(List<PluginInfo> infos) {
        return infos.stream().collect(Collectors.toMap(PluginInfo::id, Function.identity()));
    }

    @Test
    void loadsABuiltPluginAndRunsItsExtensionsLifecycle() throws Exception {
        TestPlugins.good(plugins, "good");
        try (PluginHost host = new PluginHost(plugins)) {
            host.load();
            assertTrue(host.configure(fakes::settings).isEmpty());
            assertTrue(host.start(fakes::context).isEmpty());

            List<LoadedExtension<ProtocolHandler>> handlers = host.extensions(ProtocolHandler.class);
            assertEquals(1, handlers.size());
            assertEquals("good", handlers.get(0).pluginId());
            assertEquals("greeting-of-good@mx.test", handlers.get(0).extension().listeners().get(0).name());
            assertEquals(1, host.extensions(Router.class).size());
            assertEquals(2, host.extensions(TegamiExtension.class).size());
            assertEquals(List.of("good", "good"), fakes.settingsFor);

            PluginInfo info = byId(host.plugins()).get("good");
            assertEquals("2.1.0", info.version());
            assertEquals("STARTED", info.state());
            assertTrue(info.failure().isEmpty());
            assertEquals(List.of(
                    new PluginInfo.ExtensionInfo("test.good.GoodHandler", List.of("ProtocolHandler"), "STARTED", java.util.Optional.empty()),
                    new PluginInfo.ExtensionInfo("test.good.GoodRouter", List.of("Router"), "STARTED", java.util.Optional.empty())),
                    info.extensions());
        }
    }

    @Test
    void reportsBrokenPluginsByNameWhileTheGoodOneRuns() throws Exception {
        TestPlugins.good(plugins, "good");
        TestPlugins.failingPluginStart(plugins);
        TestPlugins.failingExtensionStart(plugins);
        Files.writeString(plugins.resolve("junk.jar"), "not a jar at all");
        try (PluginHost host = new PluginHost(plugins)) {
            host.load();
            host.configure(fakes::settings);
            List<ExtensionFailure> failures = host.start(fakes::context);

            assertEquals(1, failures.size());
            assertEquals("brokenext", failures.get(0).pluginId());
            assertTrue(failures.get(0).describe().contains("extension start broken on purpose"), failures.get(0).describe());

            Map<String, PluginInfo> infos = byId(host.plugins());
            assertEquals("FAILED", infos.get("brokenstart").state());
            assertTrue(infos.get("brokenstart").failure().orElseThrow().contains("plugin start broken on purpose"));
            assertEquals("FAILED", infos.get("junk.jar").state());
            assertTrue(infos.get("junk.jar").failure().isPresent());
            PluginInfo brokenExt = infos.get("brokenext");
            assertEquals("STARTED", brokenExt.state(), "the plugin runs; its extension is dropped");
            assertEquals("FAILED", brokenExt.extensions().get(0).state());
            assertTrue(brokenExt.extensions().get(0).failure().orElseThrow().contains("start: extension start broken on purpose"));

            // Only the good plugin's extensions are handed out.
            assertEquals(List.of("good", "good"), host.extensions(TegamiExtension.class).stream()
                    .map(LoadedExtension::pluginId).toList());
            assertEquals("greeting-of-good@mx.test",
                    host.extensions(ProtocolHandler.class).get(0).extension().listeners().get(0).name());
        }
    }

    @Test
    void findsPluginsInTheBuildLayout() throws Exception {
        Path target = Files.createDirectories(plugins.resolve("hello").resolve("target"));
        TestPlugins.good(target, "hello");
        Files.writeString(target.resolve("other-thing.jar"), "not a plugin jar: ignored by name");
        try (PluginHost host = new PluginHost(plugins)) {
            host.load();
            assertEquals(List.of("hello"), host.plugins().stream().map(PluginInfo::id).toList());
            assertEquals("STARTED", host.plugins().get(0).state());
        }
    }

    @Test
    void stopStopsStartedExtensions() throws Exception {
        TestPlugins.good(plugins, "good");
        PluginHost host = new PluginHost(plugins);
        host.load();
        host.configure(fakes::settings);
        host.start(fakes::context);
        host.stop();
        assertTrue(host.extensions(TegamiExtension.class).isEmpty());
        assertTrue(host.plugins().get(0).extensions().stream().allMatch(e -> e.state().equals("STOPPED")));
        host.close();
    }
}
