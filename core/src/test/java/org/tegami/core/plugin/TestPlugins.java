package org.tegami.core.plugin;

import java.io.IOException;
import java.nio.file.Path;
import org.tegami.testing.PluginJarBuilder;

/** Small plugins, compiled by the test suite, that exercise the plugin host. */
final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * A working plugin: a ProtocolHandler that reads the setting {@code greeting} in configure
     * and asks the context for the hostname in start, and a Router.
     */
    static Path good(Path directory, String id) throws IOException {
        String pkg = "test." + id;
        return new PluginJarBuilder(id).version("2.1.0")
                .pluginClass(pkg + ".GoodPlugin")
                .source(pkg + ".GoodPlugin", """
                        package %s;
                        public class GoodPlugin extends org.pf4j.Plugin {
                        }
                        """.formatted(pkg))
                .source(pkg + ".GoodHandler", """
                        package %s;
                        import java.util.List;
                        import org.pf4j.Extension;
                        import org.tegami.api.*;
                        @Extension
                        public class GoodHandler implements ProtocolHandler {
                            private String greeting = "unset";
                            private String hostname = "unset";
                            public void configure(Settings settings) throws ConfigException {
                                greeting = settings.string("greeting", "hello");
                            }
                            public void start(ServerContext context) {
                                hostname = context.hostname();
                            }
                            public List<ListenerSpec> listeners() {
                                return List.of(new ListenerSpec(greeting + "@" + hostname, "127.0.0.1:0", false));
                            }
                            public void serve(Connection connection) {
                            }
                        }
                        """.formatted(pkg))
                .source(pkg + ".GoodRouter", """
                        package %s;
                        import org.pf4j.Extension;
                        import org.tegami.api.*;
                        @Extension
                        public class GoodRouter implements Router {
                            public RouteDecision route(MailAddress recipient) {
                                return RouteDecision.pass();
                            }
                        }
                        """.formatted(pkg))
                .buildInto(directory);
    }

    /** A plugin whose Plugin.start() throws. */
    static Path failingPluginStart(Path directory) throws IOException {
        return new PluginJarBuilder("brokenstart")
                .pluginClass("test.brokenstart.BrokenPlugin")
                .source("test.brokenstart.BrokenPlugin", """
                        package test.brokenstart;
                        public class BrokenPlugin extends org.pf4j.Plugin {
                            public void start() {
                                throw new IllegalStateException("plugin start broken on purpose");
                            }
                        }
                        """)
                .source("test.brokenstart.UnusedRouter", """
                        package test.brokenstart;
                        import org.pf4j.Extension;
                        import org.tegami.api.*;
                        @Extension
                        public class UnusedRouter implements Router {
                            public RouteDecision route(MailAddress recipient) {
                                return RouteDecision.pass();
                            }
                        }
                        """)
                .buildInto(directory);
    }

    /** A plugin whose one extension throws in start(). */
    static Path failingExtensionStart(Path directory) throws IOException {
        return new PluginJarBuilder("brokenext")
                .pluginClass("test.brokenext.BrokenExtPlugin")
                .source("test.brokenext.BrokenExtPlugin", """
                        package test.brokenext;
                        public class BrokenExtPlugin extends org.pf4j.Plugin {
                        }
                        """)
                .source("test.brokenext.BrokenRouter", """
                        package test.brokenext;
                        import org.pf4j.Extension;
                        import org.tegami.api.*;
                        @Extension
                        public class BrokenRouter implements Router {
                            public void start(ServerContext context) {
                                throw new IllegalStateException("extension start broken on purpose");
                            }
                            public RouteDecision route(MailAddress recipient) {
                                return RouteDecision.pass();
                            }
                        }
                        """)
                .buildInto(directory);
    }
}
