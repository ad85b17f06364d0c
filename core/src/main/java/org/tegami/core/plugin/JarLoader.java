package org.tegami.core.plugin;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.tegami.api.TegamiExtension;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Loads one plugin jar with PF4J, starts the plugin and creates one instance of each of its
 * extensions; every failure is recorded by the plugin's name (or the jar's file name when the
 * descriptor cannot be read) instead of stopping the others. Used under the host's lock.
 */
final class JarLoader {

    private static final TaggedLogger LOG = Logger.tag("plugin");

    private final TegamiPluginManager manager;
    private final List<ExtensionSlot> slots;
    private final Map<Path, PluginInfo> loadFailures;

    JarLoader(TegamiPluginManager manager, List<ExtensionSlot> slots, Map<Path, PluginInfo> loadFailures) {
        this.manager = manager;
        this.slots = slots;
        this.loadFailures = loadFailures;
    }

    /** Loads and starts one jar's plugin; records a failure by name. Returns the id if it runs. */
    Optional<String> load(Path jar) {
        String id;
        try {
            id = manager.loadPlugin(jar);
        } catch (RuntimeException | LinkageError e) {
            String name = PluginJars.declaredId(jar).orElse(jar.getFileName().toString());
            LOG.error("plugin {} ({}) failed to load: {}", name, jar, reason(e));
            loadFailures.put(jar, new PluginInfo(name, "", PluginState.FAILED.name(), jar,
                    Optional.of(reason(e)), List.of()));
            return Optional.empty();
        }
        PluginWrapper plugin = manager.getPlugin(id);
        if (plugin.getPluginState() == PluginState.DISABLED) {
            LOG.info("plugin {} is disabled", id);
            return Optional.empty();
        }
        try {
            manager.startPlugin(id);
        } catch (RuntimeException | LinkageError e) {
            plugin.setPluginState(PluginState.FAILED);
            plugin.setFailedException(e);
        }
        if (plugin.getPluginState() != PluginState.STARTED) {
            LOG.error("plugin {} failed to start: {}", id, Optional.ofNullable(plugin.getFailedException())
                    .map(JarLoader::reason).orElse(plugin.getPluginState().name()));
            return Optional.empty();
        }
        createExtensions(id);
        return Optional.of(id);
    }

    private void createExtensions(String pluginId) {
        ClassLoader loader = manager.getPluginClassLoader(pluginId);
        for (String className : new TreeSet<>(manager.getExtensionClassNames(pluginId))) {
            ExtensionSlot slot = new ExtensionSlot(pluginId, className);
            try {
                Class<?> type = loader.loadClass(className);
                if (!TegamiExtension.class.isAssignableFrom(type)) {
                    LOG.warn("plugin {}: {} is not a Tegami extension; ignored", pluginId, className);
                    continue;
                }
                slot.extensionPoints = ExtensionPoints.of(type);
                slot.instance = (TegamiExtension) manager.getExtensionFactory().create(type);
            } catch (Exception | LinkageError e) {
                slot.fail("create", e);
                LOG.error("{}", slot.failure.describe());
            }
            slots.add(slot);
        }
    }

    /** A throwable's message for one line of a listing or log. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof org.pf4j.PluginRuntimeException)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
