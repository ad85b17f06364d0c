package org.tegami.core.plugin;

import java.util.List;
import java.util.Optional;
import org.tegami.api.TegamiExtension;

/** One extension instance and where it is in its lifecycle. Guarded by the {@link PluginHost}. */
final class ExtensionSlot {

    enum State { LOADED, CONFIGURED, STARTED, STOPPED, FAILED }

    final String pluginId;
    final String className;
    TegamiExtension instance;
    List<String> extensionPoints = List.of();
    State state = State.LOADED;
    ExtensionFailure failure;

    ExtensionSlot(String pluginId, String className) {
        this.pluginId = pluginId;
        this.className = className;
    }

    /** Usable by the server: created and neither failed nor stopped. */
    boolean isLive() {
        return instance != null && (state == State.LOADED || state == State.CONFIGURED || state == State.STARTED);
    }

    void fail(String step, Throwable cause) {
        state = State.FAILED;
        failure = new ExtensionFailure(pluginId, className, step, cause);
    }

    LoadedExtension<TegamiExtension> loaded() {
        return new LoadedExtension<>(pluginId, instance);
    }

    PluginInfo.ExtensionInfo info() {
        return new PluginInfo.ExtensionInfo(className, extensionPoints, state.name(),
                Optional.ofNullable(failure).map(f -> f.step() + ": " + JarLoader.reason(f.cause())));
    }
}
