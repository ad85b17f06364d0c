package org.tegami.core.plugin;

import java.util.List;
import org.tegami.api.TegamiExtension;

/**
 * Told by the {@link PluginHost} when a plugin jar is added to or removed from
 * {@code plugins.dir} while the server runs, and when a reload restarts a plugin. Called on the host's watcher thread, one call at
 * a time; the host's methods may be called from inside.
 */
public interface ExtensionListener {

    /**
     * Extensions of a newly loaded plugin, already configured and started when the server's
     * extensions were: bind their listeners, add their routers.
     */
    void extensionsAdded(List<LoadedExtension<TegamiExtension>> added);

    /**
     * Extensions about to be stopped because their plugin is unloaded: stop using them (unbind
     * listeners, drop routers) before returning; the host calls their {@code stop()} afterwards.
     */
    void extensionsRemoving(List<LoadedExtension<TegamiExtension>> removing);

    /**
     * A reload restarted a plugin with new settings: {@code next} are the new instances, already
     * started, in place of {@code old} (same positions). Move the work over (listeners, routers)
     * and let the old instances finish what they serve before returning; the host calls their
     * {@code stop()} afterwards. The default treats it as a removal followed by an addition.
     */
    default void extensionsReplaced(List<LoadedExtension<TegamiExtension>> old,
            List<LoadedExtension<TegamiExtension>> next) {
        extensionsRemoving(old);
        extensionsAdded(next);
    }
}
