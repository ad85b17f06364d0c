package org.tegami.core.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tegami.api.Settings;
import org.tegami.api.TegamiExtension;

/**
 * New, configured but not started instances of a {@link PluginHost}'s extensions, made by
 * {@link PluginHost#prepare} for a reload; {@link PluginHost#renew} puts some of them to work.
 * Instances not used are dropped: they were only configured, which has no side effects.
 */
public final class ExtensionRenewal {

    private final Function<String, Settings> settings;
    private final Map<ExtensionSlot, TegamiExtension> fresh;

    ExtensionRenewal(Function<String, Settings> settings, Map<ExtensionSlot, TegamiExtension> fresh) {
        this.settings = settings;
        this.fresh = new LinkedHashMap<>(fresh);
    }

    /** The new instances with their plugin ids, e.g. to ask the handlers for their listeners. */
    public List<LoadedExtension<TegamiExtension>> extensions() {
        return fresh.entrySet().stream().map(e -> new LoadedExtension<>(e.getKey().pluginId, e.getValue())).toList();
    }

    Function<String, Settings> settings() {
        return settings;
    }

    Map<ExtensionSlot, TegamiExtension> fresh() {
        return fresh;
    }
}
