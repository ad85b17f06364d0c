package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.tegami.api.ProtocolHandler;

/** The built jar is a PF4J plugin whose extension is the POP3 protocol handler. */
class PluginPackagingIT {

    private static final Path JAR = Path.of("target/tegami-plugin-pop3.jar");

    @Test
    void manifestCarriesThePluginDescriptor() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("pop3", main.getValue("Plugin-Id"));
            assertEquals("org.tegami.pop3.Pop3Plugin", main.getValue("Plugin-Class"));
            assertNotNull(main.getValue("Plugin-Version"));
            assertNotNull(jar.getEntry("META-INF/extensions.idx"));
        }
    }

    @Test
    void pf4jLoadsTheJarAndFindsTheProtocolHandler(@TempDir Path pluginsDir) throws Exception {
        Files.copy(JAR, pluginsDir.resolve(JAR.getFileName()));
        PluginManager manager = new DefaultPluginManager(pluginsDir);
        manager.loadPlugins();
        manager.startPlugins();
        try {
            assertEquals(PluginState.STARTED, manager.getPlugin("pop3").getPluginState());
            List<ProtocolHandler> handlers = manager.getExtensions(ProtocolHandler.class, "pop3");
            assertEquals(1, handlers.size());
            ProtocolHandler handler = handlers.get(0);
            assertEquals("org.tegami.pop3.Pop3Service", handler.getClass().getName());
            assertNotSame(Pop3Service.class, handler.getClass(), "loaded by the plugin's own class loader");
            assertEquals(List.of("pop3", "pop3s"), handler.listeners().stream().map(l -> l.name()).toList());
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }
}
