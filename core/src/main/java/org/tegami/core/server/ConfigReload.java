package org.tegami.core.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.core.config.ConfigChanges;
import org.tegami.core.config.ConfigSource;
import org.tegami.core.config.ServerConfig;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * What a reload of {@code tegami.conf} changes, and what it can apply while running.
 *
 * <p>Applied at once: {@code domains} (the server context's local domains; routers and RCPT
 * checks read them per message), {@code shutdown.grace}, the {@code net.*} connection limits and
 * idle and write timeouts (for connections accepted from then on), listener addresses
 * ({@code <name>.listen}: moved, switched on or off) and each plugin's own section (the plugin's
 * extensions are restarted with it). Every other core key (hostname, folders, queue and auth
 * settings, {@code dns.resolver}, {@code pid.file}) is read and checked but takes
 * effect at the next restart; the reload logs each such key at WARN. The users file and the
 * plugins' own files (aliases, routes, certificates) are checked for changes on every reload.
 */
public final class ConfigReload {

    private static final TaggedLogger LOG = Logger.tag("server");
    private static final Set<String> LIVE_CORE_KEYS = Set.of("domains", "shutdown.grace", "net.max-connections",
            "net.max-connections-per-ip", "net.idle-timeout", "net.write-timeout");

    private final ServerConfig before;
    private final ServerConfig after;
    private final ConfigChanges changes;

    /**
     * @param handlers the protocol handlers running now, for their listener names
     * @param pluginIds the ids of the loaded plugins and in-process extensions
     */
    public ConfigReload(ConfigSource oldSource, ConfigSource newSource, ServerConfig before, ServerConfig after,
            List<ProtocolHandler> handlers, Collection<String> pluginIds) {
        this.before = before;
        this.after = after;
        Set<String> listenerNames = new TreeSet<>();
        ServerConfig.STANDARD_LISTENERS.forEach(s -> listenerNames.add(s.name()));
        handlers.forEach(h -> h.listeners().stream().map(ListenerSpec::name).forEach(listenerNames::add));
        this.changes = ConfigChanges.between(oldSource.values(), newSource.values(), listenerNames, pluginIds);
        for (String key : restartKeys()) {
            LOG.warn("reload: {} changed; it takes effect at the next restart", key);
        }
    }

    /** The configuration that ran before the reload. */
    public ServerConfig before() {
        return before;
    }

    public ConfigChanges changes() {
        return changes;
    }

    /** The changed core keys that only a restart applies. */
    public List<String> restartKeys() {
        return changes.core().stream().filter(k -> !LIVE_CORE_KEYS.contains(k)).toList();
    }

    /**
     * One line for the log and for {@code tegami reload}: e.g. {@code domains [localhost] ->
     * [localhost, example.org]; listeners: smtp 127.0.0.1:2525 -> 127.0.0.1:2526; plugins
     * restarted: routing; at next restart: queue.workers}, or {@code no changes}.
     *
     * @param listenerMoves what {@link ListenerBindings#apply} did
     */
    public String summary(List<String> listenerMoves) {
        List<String> parts = new ArrayList<>();
        if (!before.domains().equals(after.domains())) {
            parts.add("domains " + before.domains() + " -> " + after.domains());
        }
        if (!before.net().equals(after.net())) {
            String writes = before.net().writeTimeout().equals(after.net().writeTimeout()) ? ""
                    : ", write timeout " + after.net().writeTimeout().toSeconds() + "s";
            parts.add("connections: at most " + after.net().maxConnections() + ", " + after.net().maxConnectionsPerIp()
                    + " per address, idle timeout " + after.net().idleTimeout().toSeconds() + "s" + writes
                    + " for new ones");
        }
        if (!before.shutdownGrace().equals(after.shutdownGrace())) {
            parts.add("shutdown.grace " + before.shutdownGrace().toSeconds() + "s -> "
                    + after.shutdownGrace().toSeconds() + "s");
        }
        List<String> moves = listenerMoves.stream().filter(m -> !m.startsWith("FAILED ")).toList();
        if (!moves.isEmpty()) {
            parts.add("listeners: " + String.join(", ", moves));
        }
        if (!changes.plugins().isEmpty()) {
            parts.add("plugins restarted: " + String.join(", ", new TreeSet<>(changes.plugins())));
        }
        if (!restartKeys().isEmpty()) {
            parts.add("at next restart: " + String.join(", ", restartKeys()));
        }
        return parts.isEmpty() ? "no changes" : String.join("; ", parts);
    }
}
