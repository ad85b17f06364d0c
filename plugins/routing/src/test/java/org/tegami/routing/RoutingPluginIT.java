package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tegami.routing.RoutingFixture.addr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;

/**
 * The plugin, packed as a jar the way the build packs it (classes, extension index, PF4J
 * descriptor in the manifest), loads in PF4J from a plugins folder and its routers work.
 * The jar is made here from the compiled classes, so the test does not depend on the
 * package phase having run.
 */
class RoutingPluginIT {

    @TempDir
    Path root;

    @Test
    void loadsFromTheJarWithEveryRouterInChainOrder() throws Exception {
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        packPlugin(Path.of("target/classes"), plugins.resolve("tegami-plugin-routing.jar"));
        PluginManager manager = new DefaultPluginManager(plugins);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            PluginWrapper plugin = manager.getPlugin("routing");
            assertEquals("org.tegami.routing.RoutingPlugin", plugin.getDescriptor().getPluginClass());

            List<Router> routers = manager.getExtensions(Router.class, "routing").stream()
                    .sorted(Comparator.comparingInt(Router::order)).toList();
            assertEquals(List.of("RejectRuleRouter", "VirtualAliasRouter", "AliasRouter", "LocalUserRouter", "RelayRuleRouter"),
                    routers.stream().map(r -> r.getClass().getSimpleName()).toList());
            assertNotEquals(getClass().getClassLoader(), routers.get(0).getClass().getClassLoader(),
                    "routers come from the plugin's own class loader");

            RoutingFixture f = new RoutingFixture(root, Set.of("localhost"), "alice@localhost");
            f.write("aliases", "postmaster: alice\n");
            for (Router r : routers) {
                f.start(r);
            }
            assertEquals(new RouteDecision.Rewrite(List.of(addr("alice@localhost"))), routers.get(2).route(addr("postmaster@localhost")));
            assertEquals(new RouteDecision.Deliver("alice@localhost"), routers.get(3).route(addr("alice@localhost")));
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    private static void packPlugin(Path classes, Path jar) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "routing");
        main.putValue("Plugin-Version", "0.1.0");
        main.putValue("Plugin-Class", RoutingPlugin.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }
}
