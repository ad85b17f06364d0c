package org.tegami.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ConfigException;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.Settings;
import org.tegami.api.TegamiExtension;

/** A reload's two steps on the plugin host: {@code prepare} new instances, {@code renew} some of them. */
class PluginRenewalTest {

    @TempDir
    Path plugins;

    private final Fakes fakes = new Fakes();

    /** Records the host's notices as "added <class>" / "removing <class>". */
    private static final class Recorder implements ExtensionListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void extensionsAdded(List<LoadedExtension<TegamiExtension>> added) {
            added.forEach(e -> events.add("added " + e.extension().getClass().getSimpleName()));
        }

        @Override
        public void extensionsRemoving(List<LoadedExtension<TegamiExtension>> removing) {
            removing.forEach(e -> events.add("removing " + e.extension().getClass().getSimpleName()));
        }
    }

    @Test
    void renewRestartsOnlyTheNamedPluginsWithTheirNewSettings() throws Exception {
        TestPlugins.good(plugins, "one");
        TestPlugins.good(plugins, "two");
        Recorder recorder = new Recorder();
        try (PluginHost host = new PluginHost(plugins)) {
            host.load();
            host.configure(fakes::settings);
            host.start(fakes::context);
            host.watch(recorder, java.time.Duration.ofSeconds(30));
            ProtocolHandler oneBefore = handler(host, "one");
            ProtocolHandler twoBefore = handler(host, "two");

            ExtensionRenewal renewal = host.prepare(id -> greeting(id.equals("one") ? "howdy" : "greeting-of-two"));
            assertEquals(4, renewal.extensions().size(), "a new instance per extension, none started");
            assertSame(oneBefore, handler(host, "one"), "prepare touches nothing that runs");

            assertEquals(List.of(), host.renew(renewal, Set.of("one")));
            ProtocolHandler oneAfter = handler(host, "one");
            assertNotSame(oneBefore, oneAfter);
            assertEquals("howdy@mx.test", oneAfter.listeners().get(0).name(), "configured and started anew");
            assertSame(twoBefore, handler(host, "two"), "an unchanged plugin keeps running as it is");
            assertEquals(List.of("removing GoodHandler", "removing GoodRouter", "added GoodHandler", "added GoodRouter"),
                    recorder.events);
            assertTrue(host.plugins().stream().filter(p -> p.id().equals("one"))
                    .flatMap(p -> p.extensions().stream()).allMatch(e -> e.state().equals("STARTED")));
        }
    }

    @Test
    void prepareFailsOnTheFirstBadSettingOfARunningExtension() throws Exception {
        TestPlugins.good(plugins, "one");
        try (PluginHost host = new PluginHost(plugins)) {
            host.load();
            host.configure(fakes::settings);
            host.start(fakes::context);
            ProtocolHandler before = handler(host, "one");
            Settings broken = (Settings) Proxy.newProxyInstance(Settings.class.getClassLoader(),
                    new Class<?>[] {Settings.class}, (proxy, method, args) -> {
                        if (method.getName().equals("string")) {
                            throw new ConfigException(Path.of("tegami.conf"), 7, "one.greeting: bad");
                        }
                        return method.getName().equals("get") ? Optional.empty() : args[1];
                    });
            ConfigException e = assertThrows(ConfigException.class, () -> host.prepare(id -> broken));
            assertEquals("tegami.conf:7: one.greeting: bad", e.getMessage());
            assertSame(before, handler(host, "one"));
        }
    }

    private static ProtocolHandler handler(PluginHost host, String pluginId) {
        return host.extensions(ProtocolHandler.class).stream().filter(e -> e.pluginId().equals(pluginId))
                .findFirst().orElseThrow().extension();
    }

    /** Settings whose {@code string} answers the given greeting. */
    private static Settings greeting(String greeting) {
        return (Settings) Proxy.newProxyInstance(Settings.class.getClassLoader(), new Class<?>[] {Settings.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "string" -> greeting;
                    case "get" -> Optional.empty();
                    default -> args[1];
                });
    }
}
