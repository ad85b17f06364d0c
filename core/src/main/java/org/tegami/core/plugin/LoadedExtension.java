package org.tegami.core.plugin;

import org.tegami.api.TegamiExtension;

/**
 * An extension and the plugin it came from, so that the server can hand it the settings
 * prefixed with that plugin's id.
 *
 * @param pluginId the id of the plugin that provides it
 * @param extension the single instance the host created
 */
public record LoadedExtension<T extends TegamiExtension>(String pluginId, T extension) {

    /** This extension as {@code type}, if it implements it. */
    public <U extends TegamiExtension> java.util.Optional<U> as(Class<U> type) {
        return type.isInstance(extension) ? java.util.Optional.of(type.cast(extension)) : java.util.Optional.empty();
    }
}
