package org.tegami.core;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.tegami.core.net.ListenerHost;
import org.tegami.core.net.NetLimits;
import org.tegami.core.plugin.ExtensionFailure;
import org.tegami.core.plugin.ExtensionListener;
import org.tegami.core.plugin.LoadedExtension;
import org.tegami.core.plugin.PluginHost;
import org.tegami.core.server.ExtensionRegistry;
import org.tegami.core.server.ServerServices;
import org.tegami.core.spool.Spool;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The running server: wiring only. Reads the configuration, opens the users, Maildirs and
 * spool, loads and starts the extensions, starts the delivery workers, and binds the
 * listeners; {@link #close()} undoes it in reverse.
 */
public final class Tegami implements AutoCloseable {

    private static final TaggedLogger LOG = Logger.tag("server");
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final ServerConfig config;
    private final ConfigSource source;
    private final ExtensionRegistry registry = new ExtensionRegistry();
    private final List<LoadedExtension<TegamiExtension>> inProcess;
    private PluginHost plugins;
    private MaildirStore mailStore;
    private Spool spool;
    private QueueRunner queue;
    private ListenerHost listeners;

    private Tegami(ConfigSource source, ServerConfig config, List<LoadedExtension<TegamiExtension>> inProcess) {
        this.source = source;
        this.config = config;
        this.inProcess = List.copyOf(inProcess);
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
        Tegami server = new Tegami(source, ServerConfig.from(source), inProcess);
        try {
            server.startUp(configDirectory, loadPlugins);
        } catch (ConfigException | IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void startUp(Path configDirectory, boolean loadPlugins) throws ConfigException, IOException {
        if (loadPlugins) {
            plugins = new PluginHost(config.pluginsDir());
            plugins.load();
            report(plugins.configure(source::settings));
        }
        for (LoadedExtension<TegamiExtension> e : inProcess) {
            e.extension().configure(source.settings(e.pluginId()));
        }
        List<Binding> bindings = listenerBindings();
        source.requireAllKeysRead();

        PasswdFileDirectory users = new PasswdFileDirectory(config.usersFile());
        ServerConfig.Auth auth = config.auth();
        ThrottlingAuthenticator authenticator = ThrottlingAuthenticator.atCost(users, auth.maxFailures(), auth.lockout(),
                auth.failureDelay(), auth.passwordCost());
        mailStore = new MaildirStore(config.mailDir(), config.hostname());
        MaildirDelivery delivery = new MaildirDelivery(mailStore, user -> users.find(user)
                .map(UserAccount::quotaBytes).filter(q -> q > 0).orElse(config.defaultQuota()));
        spool = new Spool(config.spoolDir(), Clock.systemUTC());
        RoutingEngine routing = new RoutingEngine(registry::routers);
        ServerServices services = new ServerServices(config.hostname(), config.domains(), configDirectory, spool,
                routing, authenticator, users, mailStore, registry, config.dnsResolver().map(HostPort::toString));

        // TLS first: protocol handlers look for it when they start.
        if (plugins != null) {
            report(plugins.start(TlsProvider.class, id -> services));
            report(plugins.start(id -> services));
            plugins.extensions(TegamiExtension.class).forEach(registry::add);
        }
        for (LoadedExtension<TegamiExtension> e : inProcess) {
            try {
                e.extension().start(services);
            } catch (Exception ex) {
                throw new IOException("extension " + e.extension().getClass().getName() + " failed to start: "
                        + ex.getMessage(), ex);
            }
            registry.add(e);
        }

        ServerConfig.Queue q = config.queue();
        queue = new QueueRunner(spool, routing, delivery, registry::transport, new QueueSettings(q.workers(),
                q.retryMin(), q.retryMax(), q.maxAge(), q.lease(), q.rescan(), Duration.ofMinutes(10)),
                config.hostname());
        queue.start();

        ServerConfig.Net net = config.net();
        listeners = new ListenerHost(new NetLimits(net.maxConnections(), net.maxConnectionsPerIp(), net.idleTimeout(),
                net.handshakeTimeout()), registry::tls);
        for (Binding b : bindings) {
            bind(b);
        }
        if (plugins != null) {
            plugins.watch(new HotPlugins(), Duration.ofSeconds(2));
        }
        LOG.info("tegami {} started: hostname {}, domains {}, listening on {}", version(), config.hostname(),
                config.domains(), listeners.boundAddresses());
    }

    /** A protocol handler's listener with its configured address; off listeners are left out. */
    private record Binding(ProtocolHandler handler, ListenerSpec spec, HostPort address) {
    }

    private List<Binding> listenerBindings() throws ConfigException {
        List<Binding> bindings = new ArrayList<>();
        List<ProtocolHandler> handlers = new ArrayList<>();
        if (plugins != null) {
            plugins.extensions(ProtocolHandler.class).forEach(e -> handlers.add(e.extension()));
        }
        inProcess.stream().map(LoadedExtension::extension).filter(ProtocolHandler.class::isInstance)
                .map(ProtocolHandler.class::cast).forEach(handlers::add);
        for (ProtocolHandler h : handlers) {
            for (ListenerSpec spec : h.listeners()) {
                Optional<HostPort> address = source.listenAddress(spec);
                if (address.isPresent()) {
                    bindings.add(new Binding(h, spec, address.get()));
                }
            }
        }
        return bindings;
    }

    private void bind(Binding b) throws IOException {
        try {
            listeners.bind(b.handler(), b.spec(), bindAddress(b.address()));
        } catch (IOException e) {
            throw new IOException("cannot listen on " + b.address() + " (" + b.spec().name() + ".listen): "
                    + e.getMessage(), e);
        }
    }

    /** {@code *:25} binds every address; names and literals are resolved here. */
    private static InetSocketAddress bindAddress(HostPort address) {
        return address.host().equals("*") ? new InetSocketAddress(address.port())
                : new InetSocketAddress(address.host(), address.port());
    }

    private static void report(List<ExtensionFailure> failures) {
        failures.forEach(f -> LOG.error(f.describe()));
    }

    /** Follows plugins dropped into or removed from {@code plugins.dir} while running. */
    private final class HotPlugins implements ExtensionListener {

        @Override
        public void extensionsAdded(List<LoadedExtension<TegamiExtension>> added) {
            for (LoadedExtension<TegamiExtension> e : added) {
                registry.add(e);
                if (e.extension() instanceof ProtocolHandler h) {
                    for (ListenerSpec spec : h.listeners()) {
                        try {
                            Optional<HostPort> address = source.listenAddress(spec);
                            if (address.isPresent()) {
                                bind(new Binding(h, spec, address.get()));
                            }
                        } catch (ConfigException | IOException ex) {
                            LOG.error("plugin {}: listener {}: {}", e.pluginId(), spec.name(), ex.getMessage());
                        }
                    }
                }
            }
        }

        @Override
        public void extensionsRemoving(List<LoadedExtension<TegamiExtension>> removing) {
            for (LoadedExtension<TegamiExtension> e : removing) {
                if (e.extension() instanceof ProtocolHandler h) {
                    listeners.unbind(h, STOP_GRACE);
                }
                registry.remove(e);
            }
        }
    }

    /** The port a listener is bound to (useful when configured with port 0). */
    public int port(String listenerName) {
        return listeners.port(listenerName);
    }

    /** The addresses the listeners are bound to, by name. */
    public java.util.Map<String, InetSocketAddress> boundAddresses() {
        return listeners.boundAddresses();
    }

    public ServerConfig config() {
        return config;
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** Makes every deferred message due now (what {@code tegami queue flush} asks the daemon). */
    public void flushQueue() throws IOException {
        queue.runDueNow();
    }

    /** Stops accepting, lets sessions finish within a grace time, stops delivery and plugins. */
    @Override
    public void close() {
        if (listeners != null) {
            listeners.stop(STOP_GRACE);
        }
        if (queue != null) {
            queue.close();
        }
        if (plugins != null) {
            plugins.close();
        }
        for (LoadedExtension<TegamiExtension> e : inProcess) {
            e.extension().stop();
        }
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
