package org.tegami.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.TegamiExtension;

class PluginHotReloadIT {

    @TempDir
    Path plugins;

    @TempDir
    Path workshop;

    private final Fakes fakes = new Fakes();

    /** Records the listener's calls as "added <plugin> <n>" / "removing <plugin> <n>". */
    private static final class Recorder implements ExtensionListener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        volatile PluginHost host;
        volatile List<String> statesWhenRemoved = List.of();

        @Override
        public void extensionsAdded(List<LoadedExtension<TegamiExtension>> added) {
            events.add("added " + added.get(0).pluginId() + " " + added.size());
        }

        @Override
        public void extensionsRemoving(List<LoadedExtension<TegamiExtension>> removing) {
            String id = removing.get(0).pluginId();
            // Told before they are stopped, so the server can stop using them first.
            statesWhenRemoved = host.plugins().stream().filter(p -> p.id().equals(id))
                    .flatMap(p -> p.extensions().stream()).map(PluginInfo.ExtensionInfo::state).toList();
            events.add("removing " + id + " " + removing.size());
        }
    }

    @Test
    void loadsAJarDroppedWhileRunningAndUnloadsItWhenRemoved() throws Exception {
        TestPlugins.good(plugins, "first");
        Recorder recorder = new Recorder();
        try (PluginHost host = new PluginHost(plugins)) {
            recorder.host = host;
            host.load();
            host.configure(fakes::settings);
            host.start(fakes::context);
            host.watch(recorder, Duration.ofMillis(200));

            // Built elsewhere and moved in, as an operator would.
            Path built = TestPlugins.good(workshop, "second");
            Path dropped = Files.move(built, plugins.resolve(built.getFileName()));
            assertEquals("added second 2", recorder.events.poll(10, TimeUnit.SECONDS));
            List<LoadedExtension<ProtocolHandler>> handlers = host.extensions(ProtocolHandler.class);
            assertEquals(List.of("first", "second"), handlers.stream().map(LoadedExtension::pluginId).toList());
            assertEquals("greeting-of-second@mx.test", handlers.get(1).extension().listeners().get(0).name(),
                    "a plugin added at run time is configured and started like the others");

            Files.delete(dropped);
            assertEquals("removing second 2", recorder.events.poll(10, TimeUnit.SECONDS));
            assertEquals(List.of("STARTED", "STARTED"), recorder.statesWhenRemoved);
            assertEquals(List.of("first"), host.extensions(ProtocolHandler.class).stream()
                    .map(LoadedExtension::pluginId).toList());
            assertEquals(List.of("first"), host.plugins().stream().map(PluginInfo::id).toList());
        }
    }

    @Test
    void aReplacedJarIsReloadedWithItsNewVersion() throws Exception {
        Recorder recorder = new Recorder();
        TestPlugins.good(plugins, "swap");
        try (PluginHost host = new PluginHost(plugins)) {
            recorder.host = host;
            host.load();
            host.configure(fakes::settings);
            host.start(fakes::context);
            host.watch(recorder, Duration.ofMillis(200));

            Path newer = new org.tegami.testing.PluginJarBuilder("swap").version("3.0.0")
                    .source("test.swap3.NewRouter", """
                            package test.swap3;
                            import org.pf4j.Extension;
                            import org.tegami.api.*;
                            @Extension
                            public class NewRouter implements Router {
                                public RouteDecision route(MailAddress recipient) {
                                    return RouteDecision.pass();
                                }
                            }
                            """)
                    .build(workshop.resolve("swap.jar"));
            Files.move(newer, plugins.resolve("tegami-plugin-swap.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            assertEquals("removing swap 2", recorder.events.poll(10, TimeUnit.SECONDS));
            assertEquals("added swap 1", recorder.events.poll(10, TimeUnit.SECONDS));
            PluginInfo info = host.plugins().get(0);
            assertEquals("3.0.0", info.version());
            assertEquals("test.swap3.NewRouter", info.extensions().get(0).className());
        }
    }

    @Test
    void aJarWrittenInPlaceSlowlyIsLoadedOnceComplete() throws Exception {
        Recorder recorder = new Recorder();
        try (PluginHost host = new PluginHost(plugins)) {
            host.load();
            host.configure(fakes::settings);
            host.start(fakes::context);
            host.watch(recorder, Duration.ofMillis(300));

            byte[] jar = Files.readAllBytes(TestPlugins.good(workshop, "slow"));
            Path target = plugins.resolve("slow.jar");
            // Half now, the rest a little later: within the settle time, so only the whole jar is seen.
            Files.write(target, java.util.Arrays.copyOf(jar, jar.length / 2));
            Thread.sleep(100);
            Files.write(target, jar);
            assertEquals("added slow 2", recorder.events.poll(10, TimeUnit.SECONDS));
            assertEquals("STARTED", host.plugins().get(0).state());
        }
    }
}
