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
 *
 * <p>On {@code tegami reload} (SIGHUP) the host reads {@code tegami.conf} again. When the
 * plugin's own settings changed, the host configures a new instance of the extension with
 * them (an error there keeps the whole old configuration running), starts it, hands it the
 * work (a protocol handler's listeners stay open and send new connections to it), lets this
 * instance finish its sessions within {@code shutdown.grace}, and then stops this one. So an
 * extension never sees a second {@code configure} or {@code start}, and for a while two
 * instances run side by side. If the new instance fails to start, this one goes on. When the
 * settings did not change, the host calls {@link #refresh} instead.
 */
public interface TegamiExtension extends ExtensionPoint {

    /** Reads and checks this plugin's settings. */
    default void configure(Settings settings) throws ConfigException {
    }

    /** Takes the services of the running server. */
    default void start(ServerContext context) throws Exception {
    }

    /**
     * Re-reads the extension's own files (tables, certificates) now if they changed, rather than
     * when a timer would next look; called on {@code tegami reload} after {@code start}, on the
     * reload thread, while sessions go on. The default does nothing. Must not throw.
     */
    default void refresh() {
    }

    /** Releases threads and files; must not throw. */
    default void stop() {
    }
}
