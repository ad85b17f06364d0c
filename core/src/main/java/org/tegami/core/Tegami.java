package org.tegami.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.tegami.api.ConfigException;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.TegamiExtension;
import org.tegami.api.TlsProvider;
import org.tegami.api.UserAccount;
import org.tegami.core.auth.PasswdFileDirectory;
import org.tegami.core.auth.ThrottlingAuthenticator;
import org.tegami.core.config.ConfigSource;
import org.tegami.core.config.HostPort;
import org.tegami.core.config.ServerConfig;
import org.tegami.core.delivery.QueueRunner;
import org.tegami.core.delivery.QueueSettings;
import org.tegami.core.delivery.RoutingEngine;
import org.tegami.core.maildir.MaildirDelivery;
import org.tegami.core.maildir.MaildirStore;
import org.tegami.core.metrics.MetricsExporter;
import org.tegami.core.metrics.MetricsRegistry;
import org.tegami.core.metrics.ServerMetrics;
import org.tegami.core.net.ListenerHost;
import org.tegami.core.net.NetLimits;
import org.tegami.core.plugin.ExtensionFailure;
import org.tegami.core.plugin.ExtensionRenewal;
import org.tegami.core.plugin.ExtensionListener;
import org.tegami.core.plugin.LoadedExtension;
import org.tegami.core.plugin.PluginHost;
import org.tegami.core.server.ConfigReload;
import org.tegami.core.server.ExtensionRegistry;
import org.tegami.core.server.InProcessExtensions;
import org.tegami.core.server.ListenerBindings;
import org.tegami.core.server.ListenerBindings.Binding;
import org.tegami.core.server.ReloadOutcome;
import org.tegami.core.server.ServerServices;
import org.tegami.core.spool.Spool;
import org.tegami.core.spool.SpoolCensus;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The running server: wiring only. Reads the configuration, opens the users, Maildirs and
 * spool, loads and starts the extensions, starts the delivery workers, and binds the
 * listeners; {@link #reload()} applies a changed configuration, {@link #close()} undoes it
 * all in reverse.
 */
public final class Tegami implements AutoCloseable {

    private static final TaggedLogger LOG = Logger.tag("server");
    /** How long a queue count is reused: listing a large queue on every scrape would cost too much. */
    private static final Duration QUEUE_COUNT_MAX_AGE = Duration.ofSeconds(5);

    private final Path configDirectory;
    private final ExtensionRegistry registry = new ExtensionRegistry();
    private final ServerMetrics metrics = new ServerMetrics(new MetricsRegistry());
    private final InProcessExtensions inProcess;
    private volatile ConfigSource source;
    private volatile ServerConfig config;
    private PluginHost plugins;
    private PasswdFileDirectory users;
    private ServerServices services;
    private MaildirStore mailStore;
    private Spool spool;
    private QueueRunner queue;
    private ListenerHost listeners;
    private ListenerBindings bindings;
    private MetricsExporter metricsExporter;

    private Tegami(Path configDirectory, ConfigSource source, ServerConfig config,
            List<LoadedExtension<TegamiExtension>> inProcess) {
        this.configDirectory = configDirectory;
        this.source = source;
        this.config = config;
        this.inProcess = new InProcessExtensions(inProcess);
    }

    /** Starts the server of a configuration directory with the plugins of {@code plugins.dir}. */
    public static Tegami start(Path configDirectory) throws ConfigException, IOException {
        return start(configDirectory, List.of(), true);
    }

    /**
     * Starts a server.
     *
     * @param inProcess extensions supplied by the caller (tests, embedding), each with the
     *     plugin id whose settings it reads
     * @param loadPlugins whether to load the plugins of {@code plugins.dir} too
     * @throws ConfigException for bad configuration, naming file and line
     * @throws IOException when a folder cannot be opened or a port cannot be bound
     */
    public static Tegami start(Path configDirectory, List<LoadedExtension<TegamiExtension>> inProcess,
            boolean loadPlugins) throws ConfigException, IOException {
        ConfigSource source = ConfigSource.load(configDirectory);
        Tegami server = new Tegami(configDirectory, source, ServerConfig.from(source), inProcess);
        try {
            server.startUp(loadPlugins);
        } catch (ConfigException | IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void startUp(boolean loadPlugins) throws ConfigException, IOException {
        if (loadPlugins) {
            plugins = new PluginHost(config.pluginsDir());
            plugins.load();
            report(plugins.configure(source::settings));
        }
        inProcess.configure(source::settings);
        List<Binding> wanted = listenerBindings(handlers(), source);
        source.requireAllKeysRead();

        users = new PasswdFileDirectory(config.usersFile());
        ServerConfig.Auth auth = config.auth();
        ThrottlingAuthenticator authenticator = ThrottlingAuthenticator.atCost(users, auth.maxFailures(), auth.lockout(),
                auth.failureDelay(), auth.passwordCost(), metrics);
        PasswdFileDirectory userFile = users;
        ToLongFunction<String> quota = user -> userFile.find(user)
                .map(UserAccount::quotaBytes).filter(q -> q > 0).orElse(config.defaultQuota());
        mailStore = new MaildirStore(config.mailDir(), config.hostname(), quota);
        MaildirDelivery delivery = new MaildirDelivery(mailStore, quota);
        spool = new Spool(config.spoolDir(), Clock.systemUTC(), metrics);
        SpoolCensus census = new SpoolCensus(spool, QUEUE_COUNT_MAX_AGE);
        metrics.watchQueue(census::entries, census::oldestAgeSeconds);
        RoutingEngine routing = new RoutingEngine(registry::routers);
        services = new ServerServices(config.hostname(), config.domains(), configDirectory, spool,
                routing, authenticator, users, mailStore, registry, config.dnsResolver().map(HostPort::toString),
                metrics.forExtensions());

        // TLS first: protocol handlers look for it when they start.
        if (plugins != null) {
            report(plugins.start(TlsProvider.class, id -> services));
            report(plugins.start(id -> services));
            plugins.extensions(TegamiExtension.class).forEach(registry::add);
        }
        inProcess.start(services, registry::add);

        ServerConfig.Queue q = config.queue();
        queue = new QueueRunner(spool, routing, delivery, registry::transport, new QueueSettings(q.workers(),
                q.retryMin(), q.retryMax(), q.maxAge(), q.lease(), q.rescan(), Duration.ofMinutes(10)),
                config.hostname(), metrics);
        queue.start();

        listeners = new ListenerHost(netLimits(config.net()), registry::tls, metrics);
        bindings = new ListenerBindings(listeners);
        for (Binding b : wanted) {
            bindings.bind(b);
        }
        if (config.metricsListen().isPresent()) {
            startMetrics(config.metricsListen().get());
        }
        if (plugins != null) {
            plugins.watch(new HotPlugins(), Duration.ofSeconds(2));
        }
        LOG.info("tegami {} started: hostname {}, domains {}, listening on {}", version(), config.hostname(),
                config.domains(), listeners.boundAddresses());
    }

    private void startMetrics(HostPort address) throws IOException {
        InetSocketAddress at = address.host().equals("*") ? new InetSocketAddress(address.port())
                : new InetSocketAddress(address.host(), address.port());
        try {
            metricsExporter = MetricsExporter.start(at, metrics::exposition);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address + " (metrics.listen): " + e.getMessage(), e);
        }
    }

    private static NetLimits netLimits(ServerConfig.Net net) {
        return new NetLimits(net.maxConnections(), net.maxConnectionsPerIp(), net.idleTimeout(), net.handshakeTimeout(),
                net.writeTimeout());
    }

    /** The protocol handlers running now, plugins' first. */
    private List<ProtocolHandler> handlers() {
        List<ProtocolHandler> handlers = new ArrayList<>();
        if (plugins != null) {
            plugins.extensions(ProtocolHandler.class).forEach(e -> handlers.add(e.extension()));
        }
        inProcess.all().stream().map(LoadedExtension::extension).filter(ProtocolHandler.class::isInstance)
                .map(ProtocolHandler.class::cast).forEach(handlers::add);
        return handlers;
    }

    /** The listeners of these handlers with their addresses in {@code from}; off listeners are left out. */
    private static List<Binding> listenerBindings(List<ProtocolHandler> handlers, ConfigSource from)
            throws ConfigException {
        List<Binding> found = new ArrayList<>();
        for (ProtocolHandler h : handlers) {
            for (ListenerSpec spec : h.listeners()) {
                Optional<HostPort> address = from.listenAddress(spec);
                if (address.isPresent()) {
                    found.add(new Binding(h, spec, address.get()));
                }
            }
        }
        return found;
    }

    private static void report(List<ExtensionFailure> failures) {
        failures.forEach(f -> LOG.error(f.describe()));
    }

    /** Binds a handler's listeners (those not bound yet) at their configured addresses, logging what fails. */
    private void bindListeners(LoadedExtension<TegamiExtension> e) {
        if (e.extension() instanceof ProtocolHandler h) {
            for (ListenerSpec spec : h.listeners()) {
                if (bindings.isBound(spec.name())) {
                    continue;
                }
                try {
                    Optional<HostPort> address = source.listenAddress(spec);
                    if (address.isPresent()) {
                        bindings.bind(new Binding(h, spec, address.get()));
                    }
                } catch (ConfigException | IOException ex) {
                    LOG.error("plugin {}: listener {}: {}", e.pluginId(), spec.name(), ex.getMessage());
                }
            }
        }
    }

    /** Stops using an extension: closes its listeners (sessions get the grace time), drops it. */
    private void retire(LoadedExtension<TegamiExtension> e) {
        if (e.extension() instanceof ProtocolHandler h) {
            bindings.unbind(h, config.shutdownGrace());
        }
        registry.remove(e);
    }

    /** Follows plugins dropped into or removed from {@code plugins.dir}, and plugins a reload restarts. */
    private final class HotPlugins implements ExtensionListener {

        @Override
        public void extensionsAdded(List<LoadedExtension<TegamiExtension>> added) {
            for (LoadedExtension<TegamiExtension> e : added) {
                registry.add(e);
                bindListeners(e);
            }
        }

        @Override
        public void extensionsRemoving(List<LoadedExtension<TegamiExtension>> removing) {
            removing.forEach(Tegami.this::retire);
        }

        @Override
        public void extensionsReplaced(List<LoadedExtension<TegamiExtension>> old,
                List<LoadedExtension<TegamiExtension>> next) {
            for (int i = 0; i < old.size(); i++) {
                replace(old.get(i), next.get(i));
            }
            drainReplaced(old);
        }
    }

    /**
     * Puts a restarted extension's new instance to work in place of the old one: routers and
     * transports switch at once; listeners stay open and serve new connections with the new
     * handler, so a settings change costs no refused connection.
     */
    private void replace(LoadedExtension<TegamiExtension> old, LoadedExtension<TegamiExtension> next) {
        registry.add(next);
        registry.remove(old);
        if (old.extension() instanceof ProtocolHandler oldHandler) {
            if (next.extension() instanceof ProtocolHandler nextHandler) {
                bindings.handOver(oldHandler, nextHandler);
            } else {
                bindings.unbind(oldHandler, Duration.ZERO);
            }
        }
        bindListeners(next);
    }

    /** Lets the sessions the old handlers still run end within the grace time, before they are stopped. */
    private void drainReplaced(List<LoadedExtension<TegamiExtension>> old) {
        for (LoadedExtension<TegamiExtension> e : old) {
            if (e.extension() instanceof ProtocolHandler h) {
                listeners.drain(h, config.shutdownGrace());
            }
        }
    }

    /**
     * Reads {@code tegami.conf} again and applies it, or keeps the running configuration when
     * the new one has a problem; see {@link ConfigReload}. One reload at a time.
     */
    public synchronized ReloadOutcome reload() {
        ConfigSource next;
        ServerConfig nextConfig;
        ExtensionRenewal renewal = null;
        Map<LoadedExtension<TegamiExtension>, TegamiExtension> freshInProcess;
        try {
            next = ConfigSource.load(configDirectory);
            nextConfig = ServerConfig.from(next);
            List<ProtocolHandler> freshHandlers = new ArrayList<>();
            if (plugins != null) {
                renewal = plugins.prepare(next::settings);
                renewal.extensions().forEach(e -> e.as(ProtocolHandler.class).ifPresent(freshHandlers::add));
            }
            freshInProcess = inProcess.prepare(next::settings);
            freshInProcess.values().stream().filter(ProtocolHandler.class::isInstance)
                    .map(ProtocolHandler.class::cast).forEach(freshHandlers::add);
            listenerBindings(freshHandlers, next);
            next.requireAllKeysRead();
        } catch (ConfigException e) {
            LOG.error("reload refused, still running on the previous configuration: {}", e.getMessage());
            return ReloadOutcome.refused(e.getMessage());
        }
        ConfigReload change = new ConfigReload(source, next, config, nextConfig, handlers(), pluginIds());
        source = next;
        config = nextConfig;
        services.localDomains(nextConfig.domains());
        if (!nextConfig.net().equals(change.before().net())) {
            listeners.limits(netLimits(nextConfig.net()));
        }
        List<String> failures = new ArrayList<>();
        Set<String> restart = change.changes().plugins();
        if (plugins != null) {
            plugins.renew(renewal, restart).forEach(f -> failures.add(f.describe()));
        }
        failures.addAll(inProcess.renew(freshInProcess, restart, services, (was, now) -> {
            replace(was, now);
            drainReplaced(List.of(was));
        }));
        List<String> moves;
        try {
            moves = bindings.apply(listenerBindings(handlers(), next), nextConfig.shutdownGrace());
        } catch (ConfigException e) {
            // Checked above on the new instances; a plugin whose listeners differ between instances lands here.
            moves = List.of("FAILED " + e.getMessage());
        }
        moves.stream().filter(m -> m.startsWith("FAILED ")).forEach(m -> failures.add(m.substring(7)));
        users.refresh();
        if (plugins != null) {
            plugins.refresh(restart);
        }
        inProcess.refresh(restart);
        String summary = change.summary(moves);
        if (failures.isEmpty()) {
            LOG.info("reloaded {}: {}", next.file(), summary);
            return ReloadOutcome.applied(summary);
        }
        LOG.error("reloaded {} with failures: {}; {}", next.file(), String.join("; ", failures), summary);
        return ReloadOutcome.failed(String.join("; ", failures));
    }

    private Set<String> pluginIds() {
        Set<String> ids = new java.util.TreeSet<>();
        if (plugins != null) {
            plugins.plugins().forEach(p -> ids.add(p.id()));
        }
        inProcess.all().forEach(e -> ids.add(e.pluginId()));
        return ids;
    }

    /** The port a listener is bound to (useful when configured with port 0). */
    public int port(String listenerName) {
        return listeners.port(listenerName);
    }

    /** The addresses the listeners are bound to, by name. */
    public Map<String, InetSocketAddress> boundAddresses() {
        return listeners.boundAddresses();
    }

    /** The configuration running now (the last one a reload applied). */
    public ServerConfig config() {
        return config;
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** The address the metrics endpoint is bound to; empty when {@code metrics.listen} is off. */
    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metricsExporter).map(MetricsExporter::address);
    }

    /** Makes every deferred message due now (what {@code tegami queue flush} asks the daemon). */
    public void flushQueue() throws IOException {
        queue.runDueNow();
    }

    /**
     * Graceful stop: stops accepting at once, ends the sessions that wait for a command (their
     * handlers send a notice), lets busy sessions finish within {@code shutdown.grace} (then
     * closes them), lets running delivery attempts end within the
     * same time (a claim still held is taken back after the lease, by this server's next start or
     * another instance), then stops the plugins and closes the spool. Every accepted message is
     * already on disk, so the spool is consistent whenever this ends.
     */
    @Override
    public synchronized void close() {
        Duration grace = config.shutdownGrace();
        LOG.info("stopping: no new connections; idle sessions end now, busy ones and deliveries get up to {} s",
                grace.toSeconds());
        if (plugins != null) {
            // No plugin comes or goes while the rest stops.
            plugins.stopWatching();
        }
        if (metricsExporter != null) {
            metricsExporter.close();
        }
        if (listeners != null) {
            listeners.stop(grace);
        }
        if (queue != null) {
            queue.close(grace);
        }
        if (plugins != null) {
            plugins.close();
        }
        inProcess.stop();
        if (spool != null) {
            spool.close();
        }
        if (mailStore != null) {
            mailStore.close();
        }
        LOG.info("tegami stopped");
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static String version() {
        String v = Tegami.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
