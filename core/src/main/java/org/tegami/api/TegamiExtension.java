package org.tegami.api;

import org.pf4j.ExtensionPoint;

/**
 * The lifecycle every Tegami extension point shares.
 *
 * <p>The host calls, once each and in this order: {@link #configure} (settings only; also run
 * by {@code tegami check-config}, so no side effects), {@link #start} (open files, start
 * threads), and {@link #stop} at shutdown or when the plugin is unloaded. If {@code configure}
 * or {@code start} throws, the host reports the plugin by name, leaves its extensions out,
 * and runs the rest.
 */
public interface TegamiExtension extends ExtensionPoint {

    /** Reads and checks this plugin's settings. */
    default void configure(Settings settings) throws ConfigException {
    }

    /** Takes the services of the running server. */
    default void start(ServerContext context) throws Exception {
    }

    /** Releases threads and files; must not throw. */
    default void stop() {
    }
}
