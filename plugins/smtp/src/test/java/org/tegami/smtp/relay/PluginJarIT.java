package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Transport;
import org.tegami.testing.TestSettings;

/**
 * The built plugin jar (target/tegami-plugin-smtp.jar) loads with PF4J's JarPluginLoader, offers
 * the {@code smtp} transport, carries dnsjava inside, and relays with it even when the host's
 * class path has no dnsjava.
 */
class PluginJarIT {

    private static final Path BUILT_JAR = Path.of("target", "tegami-plugin-smtp.jar");

    @TempDir
    Path plugins;
    private RelayTestBed bed;
    private PluginManager manager;

    @BeforeEach
    void setUp() throws Exception {
        Files.copy(BUILT_JAR, plugins.resolve("tegami-plugin-smtp.jar"));
        bed = new RelayTestBed();
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.2");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (manager != null) {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
        bed.close();
    }

    @Test
    void jarPluginLoaderFindsTheTransportWithDnsjavaInside() throws Exception {
        manager = new JarPluginManager(plugins);
        manager.loadPlugins();
        manager.startPlugins();
        ClassLoader pluginLoader = manager.getPluginClassLoader("smtp");
        assertTrue(pluginLoader instanceof PluginClassLoader);

        URL dnsjava = pluginLoader.loadClass("org.xbill.DNS.Lookup").getProtectionDomain().getCodeSource().getLocation();
        assertTrue(dnsjava.toString().endsWith("tegami-plugin-smtp.jar"), dnsjava.toString());

        relaysThrough(manager);
    }

    @Test
    void relaysWhenTheHostHasNoDnsjava() throws Exception {
        ClassLoader withoutDnsjava = new HidingClassLoader(getClass().getClassLoader());
        manager = new JarPluginManager(plugins) {
            @Override
            protected PluginLoader createPluginLoader() {
                return new JarPluginLoader(this) {
                    @Override
                    public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
                        PluginClassLoader loader = new PluginClassLoader(pluginManager, descriptor, withoutDnsjava);
                        loader.addFile(pluginPath.toFile());
                        return loader;
                    }
                };
            }
        };
        manager.loadPlugins();
        manager.startPlugins();

        relaysThrough(manager);
    }

    private void relaysThrough(PluginManager pm) throws Exception {
        List<Transport> transports = pm.getExtensions(Transport.class, "smtp");
        assertEquals(1, transports.size());
        Transport transport = transports.get(0);
        assertEquals("smtp", transport.name());
        assertNotSame(SmtpTransport.class, transport.getClass(), "loaded by the plugin, not the test class path");
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx1.example.test"));
        transport.configure(TestSettings.of(plugins, "relay.dns-resolver", bed.dns.address(),
                "relay.port", String.valueOf(bed.port), "relay.helo-name", "relay.test"));
        transport.start(null);
        try {
            List<DeliveryResult> results = transport.deliver(RelayTestBed.message("bob@example.test"));
            assertEquals(DeliveryResult.Status.DELIVERED, results.get(0).status());
            assertEquals(1, mx.messages().size());
        } finally {
            transport.stop();
        }
    }

    /** The host's class loader as if dnsjava were not on its class path. */
    private static final class HidingClassLoader extends ClassLoader {
        HidingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.xbill.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("org/xbill/") ? null : super.getResource(name);
        }
    }
}
