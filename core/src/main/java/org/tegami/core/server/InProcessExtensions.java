package org.tegami.core.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tegami.api.ConfigException;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.api.TegamiExtension;
import org.tegami.core.plugin.LoadedExtension;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The extensions an embedding program (a test, usually) hands to the server instead of plugin
 * jars, with the same lifecycle and reload rules as plugins' ones: on a settings change a new
 * instance (made with the class's no-argument constructor) replaces the running one.
 * Thread-safe for readers; lifecycle calls come from one thread at a time.
 */
public final class InProcessExtensions {

    private static final TaggedLogger LOG = Logger.tag("server");

    private final List<LoadedExtension<TegamiExtension>> running;

    public InProcessExtensions(List<LoadedExtension<TegamiExtension>> extensions) {
        this.running = new CopyOnWriteArrayList<>(extensions);
    }

    /** The extensions as they run now. */
    public List<LoadedExtension<TegamiExtension>> all() {
        return List.copyOf(running);
    }

    public void configure(Function<String, Settings> settings) throws ConfigException {
        for (LoadedExtension<TegamiExtension> e : running) {
            e.extension().configure(settings.apply(e.pluginId()));
        }
    }

    /** Starts each and hands it to {@code started}; the first failure stops the start. */
    public void start(ServerContext context, Consumer<LoadedExtension<TegamiExtension>> started) throws IOException {
        for (LoadedExtension<TegamiExtension> e : running) {
            startOne(e, context);
            started.accept(e);
        }
    }

    /**
     * New instances configured with {@code settings}, one per running extension, in order.
     *
     * @throws ConfigException when a new instance rejects its settings or cannot be made
     */
    public Map<LoadedExtension<TegamiExtension>, TegamiExtension> prepare(Function<String, Settings> settings)
            throws ConfigException {
        Map<LoadedExtension<TegamiExtension>, TegamiExtension> fresh = new LinkedHashMap<>();
        for (LoadedExtension<TegamiExtension> e : running) {
            TegamiExtension next;
            try {
                next = e.extension().getClass().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException ex) {
                throw new ConfigException(null, 0, e.pluginId() + ": " + e.extension().getClass().getName()
                        + " cannot be made again for new settings: " + ex);
            }
            next.configure(settings.apply(e.pluginId()));
            fresh.put(e, next);
        }
        return fresh;
    }

    /**
     * Replaces the extensions of {@code pluginIds} by their prepared instances: each new one is
     * started, {@code replaced} moves the work over from the old one, and the old one is stopped.
     * An old instance whose replacement fails to start keeps running.
     *
     * @return the descriptions of new instances that failed to start
     */
    public List<String> renew(Map<LoadedExtension<TegamiExtension>, TegamiExtension> fresh, Set<String> pluginIds,
            ServerContext context,
            BiConsumer<LoadedExtension<TegamiExtension>, LoadedExtension<TegamiExtension>> replaced) {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<LoadedExtension<TegamiExtension>, TegamiExtension> f : fresh.entrySet()) {
            LoadedExtension<TegamiExtension> old = f.getKey();
            int at = running.indexOf(old);
            if (!pluginIds.contains(old.pluginId()) || at < 0) {
                continue;
            }
            LoadedExtension<TegamiExtension> next = new LoadedExtension<>(old.pluginId(), f.getValue());
            try {
                startOne(next, context);
            } catch (IOException e) {
                LOG.error("{}; the running instance stays", e.getMessage());
                failures.add(e.getMessage());
                next.extension().stop();
                continue;
            }
            running.set(at, next);
            replaced.accept(old, next);
            old.extension().stop();
        }
        return failures;
    }

    /** {@code refresh()} on each extension whose plugin id is not in {@code except}. */
    public void refresh(Set<String> except) {
        for (LoadedExtension<TegamiExtension> e : running) {
            if (!except.contains(e.pluginId())) {
                try {
                    e.extension().refresh();
                } catch (RuntimeException ex) {
                    LOG.error(ex, "{} failed to refresh", e.extension().getClass().getName());
                }
            }
        }
    }

    /** Stops them, last started first. */
    public void stop() {
        List<LoadedExtension<TegamiExtension>> reversed = new ArrayList<>(running);
        java.util.Collections.reverse(reversed);
        reversed.forEach(e -> e.extension().stop());
    }

    private static void startOne(LoadedExtension<TegamiExtension> e, ServerContext context) throws IOException {
        try {
            e.extension().start(context);
        } catch (Exception ex) {
            throw new IOException("extension " + e.extension().getClass().getName() + " failed to start: "
                    + ex.getMessage(), ex);
        }
    }
}
