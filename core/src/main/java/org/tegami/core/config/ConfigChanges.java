package org.tegami.core.config;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between two loads of {@code tegami.conf}, sorted into the three kinds a reload
 * treats differently: listener addresses ({@code <name>.listen}), a plugin's own section
 * ({@code <plugin-id>.*}, its listener keys excepted: a listener named like its plugin, such as
 * {@code smtp}, moves without restarting the plugin), and the core's keys. A key added, removed
 * or given another value counts as changed; comments, order and line numbers do not.
 *
 * @param listeners changed listener names
 * @param plugins ids of plugins whose section changed
 * @param core changed core keys (anything that is neither of the above)
 */
public record ConfigChanges(Set<String> listeners, Set<String> plugins, Set<String> core) {

    public ConfigChanges {
        listeners = Set.copyOf(listeners);
        plugins = Set.copyOf(plugins);
        core = Set.copyOf(core);
    }

    /**
     * Compares two sets of values.
     *
     * @param before the values running now
     * @param after the values just read
     * @param listenerNames every listener name known (standard ones and those of loaded handlers)
     * @param pluginIds the ids whose sections belong to plugins
     */
    public static ConfigChanges between(Map<String, String> before, Map<String, String> after,
            Collection<String> listenerNames, Collection<String> pluginIds) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        Set<String> listeners = new TreeSet<>();
        Set<String> plugins = new TreeSet<>();
        Set<String> core = new TreeSet<>();
        for (String key : keys) {
            if (Objects.equals(before.get(key), after.get(key))) {
                continue;
            }
            int dot = key.indexOf('.');
            String prefix = dot < 0 ? key : key.substring(0, dot);
            if (key.equals(prefix + ".listen") && listenerNames.contains(prefix)) {
                listeners.add(prefix);
            } else if (dot > 0 && pluginIds.contains(prefix)) {
                plugins.add(prefix);
            } else {
                core.add(key);
            }
        }
        return new ConfigChanges(listeners, plugins, core);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return listeners.isEmpty() && plugins.isEmpty() && core.isEmpty();
    }
}
