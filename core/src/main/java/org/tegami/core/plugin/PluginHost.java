package org.tegami.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pf4j.PluginWrapper;
import org.tegami.api.ConfigException;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.api.TegamiExtension;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Loads the plugins in {@code plugins.dir} with PF4J and runs their extensions' lifecycle.
 * A plugin that fails to load or start, and an extension that fails to be created, configured
 * or started, is logged at ERROR by name, listed with its reason by {@link #plugins()}, and
 * left out; the others run. Each extension is created once, and again only when a reload
 * changes its plugin's settings ({@link #prepare}, {@link #renew}).
 *
 * <p>Use: {@link #load()}, {@link #configure}, {@link #start} (optionally by type, e.g. the
 * {@code TlsProvider}s first), then {@link #watch} to follow jars dropped into or removed from
 * the folder, and {@link #close()} at shutdown. Thread-safe; the methods run one at a time.
 */
public final class PluginHost implements AutoCloseable {

    private static final TaggedLogger LOG = Logger.tag("plugin");

    private final Path directory;
    private final TegamiPluginManager manager;
    private final JarLoader jars;
    private final List<ExtensionSlot> slots = new ArrayList<>();
    private final Map<Path, PluginInfo> loadFailures = new LinkedHashMap<>();
    private final Map<Path, JarStamp> dropped = new LinkedHashMap<>();
    private Function<String, Settings> settings;
    private Function<String, ServerContext> contexts;
    private ExtensionListener listener;
    private PluginWatcher watcher;
    private boolean loaded;
    private boolean stopped;

    /** @param pluginsDirectory {@code plugins.dir}, already resolved against the installation root */
    public PluginHost(Path pluginsDirectory) {
        this.directory = pluginsDirectory.toAbsolutePath().normalize();
        this.manager = new TegamiPluginManager(directory);
        this.jars = new JarLoader(manager, slots, loadFailures);
    }

    /** Loads and starts every plugin found and creates their extensions. Once only. */
    public synchronized void load() {
        if (loaded) {
            throw new IllegalStateException("plugins already loaded from " + directory);
        }
        loaded = true;
        for (Path jar : manager.jars().getPluginPaths()) {
            jars.load(jar);
        }
        for (Path jar : manager.jars().droppedJars()) {
            dropped.put(jar, JarStamp.of(jar));
        }
        LOG.info("{} plugin(s) from {}: {}", manager.getPlugins().size(), directory,
                manager.getPlugins().stream().map(p -> p.getPluginId() + " " + p.getPluginState()).toList());
    }

    /** Every plugin seen, loaded or failed, by id. */
    public synchronized List<PluginInfo> plugins() {
        List<PluginInfo> all = new ArrayList<>(loadFailures.values());
        for (PluginWrapper plugin : manager.getPlugins()) {
            String id = plugin.getPluginId();
            all.add(new PluginInfo(id, plugin.getDescriptor().getVersion(), plugin.getPluginState().name(),
                    plugin.getPluginPath(), Optional.ofNullable(plugin.getFailedException()).map(JarLoader::reason),
                    slots.stream().filter(s -> s.pluginId.equals(id)).map(ExtensionSlot::info).toList()));
        }
        all.sort(Comparator.comparing(PluginInfo::id));
        return all;
    }

    /** The live extensions implementing {@code type}, in load order, each with its plugin's id. */
    public synchronized <T extends TegamiExtension> List<LoadedExtension<T>> extensions(Class<T> type) {
        return slots.stream().filter(s -> s.isLive() && type.isInstance(s.instance))
                .map(s -> new LoadedExtension<>(s.pluginId, type.cast(s.instance))).toList();
    }

    /**
     * Calls {@code configure} on every extension created so far, with the settings of its
     * plugin. Remembered for plugins loaded later.
     *
     * @return the extensions that failed and were dropped
     */
    public synchronized List<ExtensionFailure> configure(Function<String, Settings> settingsOfPlugin) {
        this.settings = settingsOfPlugin;
        return configure(slots);
    }

    /** {@link #start(Class, Function)} for every configured extension. */
    public synchronized List<ExtensionFailure> start(Function<String, ServerContext> contextOfPlugin) {
        return start(TegamiExtension.class, contextOfPlugin);
    }

    /**
     * Calls {@code start} on the configured extensions implementing {@code type}, so that the
     * server can start some kinds before others. Remembered for plugins loaded later.
     *
     * @return the extensions that failed and were dropped
     */
    public synchronized List<ExtensionFailure> start(Class<? extends TegamiExtension> type,
            Function<String, ServerContext> contextOfPlugin) {
        this.contexts = contextOfPlugin;
        return ExtensionLifecycle.start(slots, type, contextOfPlugin);
    }

    /**
     * Follows {@code plugins.dir}: a jar dropped there is loaded (and configured and started
     * if the server's extensions are) once the folder is quiet for {@code settle}; a jar
     * removed is unloaded after its extensions are stopped. The listener hears of both.
     */
    public void watch(ExtensionListener extensionListener, Duration settle) throws IOException {
        synchronized (this) {
            if (watcher != null) {
                throw new IllegalStateException("already watching " + directory);
            }
            this.listener = extensionListener;
            if (!Files.isDirectory(directory)) {
                LOG.warn("plugins folder {} does not exist: plugins dropped there later are not seen", directory);
                return;
            }
            watcher = new PluginWatcher(directory, settle, this::rescanQuietly);
        }
    }

    /**
     * Compares the jars directly in {@code plugins.dir} with those loaded: loads new ones,
     * unloads removed ones, reloads changed ones. The watcher calls it; a timer may too.
     */
    public synchronized void rescan() {
        if (stopped) {
            return;
        }
        Map<Path, JarStamp> now = new LinkedHashMap<>();
        manager.jars().droppedJars().forEach(jar -> now.put(jar, JarStamp.of(jar)));
        for (Path jar : new ArrayList<>(dropped.keySet())) {
            if (!dropped.get(jar).equals(now.get(jar))) {
                unloadJar(jar);
            }
        }
        for (Map.Entry<Path, JarStamp> jar : now.entrySet()) {
            if (!dropped.containsKey(jar.getKey())) {
                dropped.put(jar.getKey(), jar.getValue());
                jars.load(jar.getKey()).ifPresent(this::bringUp);
            }
        }
    }

    /**
     * The first half of a reload: a new instance of every extension that runs (or failed to
     * configure or start), configured with {@code newSettings}. Nothing running is touched.
     *
     * @throws ConfigException the first settings problem of an extension that runs now; a
     *     failed extension whose settings are still bad is only left out
     */
    public synchronized ExtensionRenewal prepare(Function<String, Settings> newSettings) throws ConfigException {
        Map<ExtensionSlot, TegamiExtension> fresh = new LinkedHashMap<>();
        for (ExtensionSlot slot : slots) {
            if (slot.instance == null || slot.state == ExtensionSlot.State.STOPPED) {
                continue;
            }
            try {
                TegamiExtension next = (TegamiExtension) manager.getExtensionFactory().create(slot.instance.getClass());
                ExtensionLifecycle.configureOne(slot, next, newSettings.apply(slot.pluginId));
                fresh.put(slot, next);
            } catch (ConfigException e) {
                if (slot.isLive()) {
                    throw e;
                }
            } catch (Exception | LinkageError e) {
                if (slot.isLive()) {
                    throw new ConfigException(directory, 0, "plugin " + slot.pluginId + ": " + slot.className
                            + " cannot take the new settings: " + JarLoader.reason(e));
                }
            }
        }
        return new ExtensionRenewal(newSettings, fresh);
    }

    /**
     * The second half of a reload: for each plugin in {@code pluginIds}, starts the prepared new
     * instances ({@code TlsProvider}s first), tells the listener which old ones they replace, then
     * stops the old ones. An old instance whose replacement fails to start goes on running in
     * its place. Plugins loaded later get the new settings.
     *
     * @return the new instances that failed to start
     */
    public synchronized List<ExtensionFailure> renew(ExtensionRenewal renewal, java.util.Set<String> pluginIds) {
        this.settings = renewal.settings();
        List<ExtensionFailure> failures = new ArrayList<>();
        List<String> order = new ArrayList<>(pluginIds);
        order.sort(Comparator.comparing((String id) -> slots.stream().noneMatch(
                s -> s.pluginId.equals(id) && s.instance instanceof org.tegami.api.TlsProvider)).thenComparing(id -> id));
        for (String id : order) {
            List<ExtensionSlot> own = slots.stream().filter(s -> s.pluginId.equals(id)
                    && renewal.fresh().containsKey(s)).toList();
            Map<ExtensionSlot, TegamiExtension> previous = new LinkedHashMap<>();
            Map<ExtensionSlot, ExtensionSlot.State> previousState = new LinkedHashMap<>();
            for (ExtensionSlot slot : own) {
                previous.put(slot, slot.instance);
                previousState.put(slot, slot.state);
                slot.instance = renewal.fresh().get(slot);
                slot.state = ExtensionSlot.State.CONFIGURED;
                slot.failure = null;
            }
            if (contexts != null) {
                failures.addAll(ExtensionLifecycle.start(own, org.tegami.api.TlsProvider.class, contexts));
                failures.addAll(ExtensionLifecycle.start(own, TegamiExtension.class, contexts));
            }
            List<LoadedExtension<TegamiExtension>> replaced = new ArrayList<>();
            List<LoadedExtension<TegamiExtension>> replacements = new ArrayList<>();
            List<LoadedExtension<TegamiExtension>> added = new ArrayList<>();
            for (ExtensionSlot slot : own) {
                boolean wasStarted = previousState.get(slot) == ExtensionSlot.State.STARTED;
                if (slot.state != ExtensionSlot.State.STARTED && wasStarted) {
                    // The new settings did not start: the old instance keeps serving.
                    slot.instance = previous.get(slot);
                    slot.state = ExtensionSlot.State.STARTED;
                    slot.failure = null;
                    previous.remove(slot);
                } else if (wasStarted) {
                    replaced.add(new LoadedExtension<>(id, previous.get(slot)));
                    replacements.add(slot.loaded());
                } else if (slot.isLive()) {
                    added.add(slot.loaded());
                }
            }
            if (listener != null && !replaced.isEmpty()) {
                tell(() -> listener.extensionsReplaced(replaced, replacements));
            }
            if (listener != null && !added.isEmpty()) {
                tell(() -> listener.extensionsAdded(added));
            }
            previous.forEach((slot, old) -> {
                if (previousState.get(slot) == ExtensionSlot.State.STARTED) {
                    ExtensionLifecycle.stopInstance(slot, old);
                }
            });
            LOG.info("plugin {} restarted with its new settings: {} extension(s) replaced, {} added, {} kept",
                    id, replacements.size(), added.size(), own.size() - replacements.size() - added.size());
        }
        return failures;
    }

    /** Calls {@code refresh()} on the started extensions of every plugin not in {@code except}. */
    public synchronized void refresh(java.util.Set<String> except) {
        ExtensionLifecycle.refresh(slots.stream().filter(s -> !except.contains(s.pluginId)).toList());
    }

    /** Stops every started extension (last started first), then the plugins; ends rescans. */
    public synchronized void stop() {
        stopped = true;
        List<ExtensionSlot> reversed = new ArrayList<>(slots);
        Collections.reverse(reversed);
        ExtensionLifecycle.stop(reversed);
        manager.stopPlugins();
    }

    /** Stops following {@code plugins.dir}; a rescan in progress ends first. */
    public void stopWatching() {
        PluginWatcher w;
        synchronized (this) {
            w = watcher;
            watcher = null;
        }
        if (w != null) {
            w.close();
        }
    }

    /** Stops watching, stops everything and unloads the plugins. */
    @Override
    public void close() {
        stopWatching();
        synchronized (this) {
            stop();
            manager.unloadPlugins();
            slots.clear();
        }
    }

    private void rescanQuietly() {
        try {
            rescan();
        } catch (RuntimeException | LinkageError e) {
            LOG.error(e, "rescanning {} failed", directory);
        }
    }

    /** A plugin loaded at run time catches up with the server's lifecycle, then is announced. */
    private void bringUp(String pluginId) {
        List<ExtensionSlot> added = slots.stream().filter(s -> s.pluginId.equals(pluginId)).toList();
        if (settings != null) {
            configure(added);
        }
        if (contexts != null) {
            ExtensionLifecycle.start(added, TegamiExtension.class, contexts);
        }
        List<LoadedExtension<TegamiExtension>> live = added.stream().filter(ExtensionSlot::isLive)
                .map(ExtensionSlot::loaded).toList();
        LOG.info("plugin {} added at run time with {} extension(s)", pluginId, live.size());
        if (listener != null && !live.isEmpty()) {
            tell(() -> listener.extensionsAdded(live));
        }
    }

    /** A listener that throws must not leave a plugin half loaded or half unloaded. */
    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.error(e, "the server failed to take a plugin change");
        }
    }

    private List<ExtensionFailure> configure(List<ExtensionSlot> which) {
        return ExtensionLifecycle.configure(which, settings);
    }

    private void unloadJar(Path jar) {
        dropped.remove(jar);
        if (loadFailures.remove(jar) != null) {
            return;
        }
        manager.getPlugins().stream().filter(p -> p.getPluginPath().equals(jar)).findFirst().ifPresent(plugin -> {
            String id = plugin.getPluginId();
            List<ExtensionSlot> own = slots.stream().filter(s -> s.pluginId.equals(id)).toList();
            List<LoadedExtension<TegamiExtension>> live = own.stream().filter(ExtensionSlot::isLive)
                    .map(ExtensionSlot::loaded).toList();
            if (listener != null && !live.isEmpty()) {
                tell(() -> listener.extensionsRemoving(live));
            }
            ExtensionLifecycle.stop(own);
            slots.removeAll(own);
            manager.unloadPlugin(id);
            LOG.info("plugin {} removed at run time", id);
        });
    }
}
