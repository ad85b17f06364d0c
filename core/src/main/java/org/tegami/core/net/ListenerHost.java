package org.tegami.core.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.TlsProvider;
import org.tegami.core.metrics.ListenerMetrics;
import org.tegami.core.metrics.ServerMetrics;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Binds the listeners of the {@link ProtocolHandler}s and runs their sessions, one thread
 * per connection (virtual threads on Java 21+, else a pool bounded by the connection limit).
 * Applies the total and per-address connection limits, TCP_NODELAY and the idle timeout, and
 * does implicit TLS. When it stops or drains sessions, it ends those that wait for their
 * client's next command at once (see {@link org.tegami.api.Connection#awaitCommand()}). Thread-safe.
 */
public final class ListenerHost implements AutoCloseable {

    private static final TaggedLogger LOG = Logger.tag("net");
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();

    private volatile NetLimits limits;
    private final Supplier<Optional<TlsProvider>> tls;
    private final ConnectionLimiter limiter;
    private final Watchdog watchdog;
    private final TlsHandshake handshake;
    private final ExecutorService sessions;
    private final ServerMetrics metrics;
    private final Set<Session> live = ConcurrentHashMap.newKeySet();
    private final List<Listener> listeners = new ArrayList<>();
    private boolean stopped;

    /**
     * @param limits the connection limits and timeouts
     * @param tls the current TLS provider, asked at every handshake (empty: no TLS)
     */
    public ListenerHost(NetLimits limits, Supplier<Optional<TlsProvider>> tls) {
        this(limits, tls, ServerMetrics.unexported());
    }

    /** Like {@link #ListenerHost(NetLimits, Supplier)}, counting connections per listener in {@code metrics}. */
    public ListenerHost(NetLimits limits, Supplier<Optional<TlsProvider>> tls, ServerMetrics metrics) {
        this.limits = limits;
        this.metrics = metrics;
        this.tls = tls;
        this.limiter = new ConnectionLimiter(limits.maxConnections(), limits.maxConnectionsPerIp());
        this.watchdog = new Watchdog();
        this.handshake = new TlsHandshake(limits.handshakeMillis(), watchdog);
        this.sessions = SessionThreads.create(limits.maxConnections());
    }

    /**
     * Binds {@code address} (port 0 picks a free port) and starts accepting for {@code handler}.
     *
     * @return the address actually bound
     * @throws IOException when the address cannot be bound; the message names the listener
     */
    public synchronized InetSocketAddress bind(ProtocolHandler handler, ListenerSpec spec, InetSocketAddress address)
            throws IOException {
        if (stopped) {
            throw new IllegalStateException("listener host is stopped");
        }
        if (listeners.stream().anyMatch(l -> l.spec().name().equals(spec.name()))) {
            throw new IllegalArgumentException("a listener named " + spec.name() + " is bound already");
        }
        if (spec.implicitTls() && tls.get().isEmpty()) {
            LOG.warn("{} uses implicit TLS but no TLS provider is loaded: its connections will be closed", spec.name());
        }
        Listener listener = new Listener(handler, spec, address, limits.maxConnections(), metrics.listener(spec.name()),
                this::admit);
        listeners.add(listener);
        listener.start();
        return listener.boundAddress();
    }

    /**
     * Applies new connection limits and idle timeout (a reload) to the connections accepted
     * from now on; open sessions keep the timeout they started with. The TLS handshake limit
     * stays as it was.
     */
    public synchronized void limits(NetLimits next) {
        limiter.limits(next.maxConnections(), next.maxConnectionsPerIp());
        SessionThreads.resize(sessions, next.maxConnections());
        this.limits = next;
    }

    /** The bound address of each listener by {@link ListenerSpec#name()}, in binding order. */
    public synchronized Map<String, InetSocketAddress> boundAddresses() {
        Map<String, InetSocketAddress> bound = new LinkedHashMap<>();
        for (Listener l : listeners) {
            bound.put(l.spec().name(), l.boundAddress());
        }
        return bound;
    }

    /** The port a listener is bound to; for tests that bind port 0. */
    public int port(String listenerName) {
        InetSocketAddress address = boundAddresses().get(listenerName);
        if (address == null) {
            throw new IllegalArgumentException("no listener named " + listenerName);
        }
        return address.getPort();
    }

    /** Connections open right now, over all listeners. */
    public int openConnections() {
        return limiter.total();
    }

    /** Whether sessions run on virtual threads on this runtime. */
    public static boolean usesVirtualThreads() {
        return SessionThreads.virtualThreadsAvailable();
    }

    /**
     * Closes the listeners of one handler (its plugin is being unloaded), ends its sessions that
     * wait for a command at once and, after {@code grace}, the ones it still runs.
     */
    public void unbind(ProtocolHandler handler, Duration grace) {
        synchronized (this) {
            listeners.removeIf(l -> {
                if (l.handler() == handler) {
                    l.close();
                    return true;
                }
                return false;
            });
        }
        drain(s -> s.handler() == handler, grace);
    }

    /**
     * A reload restarted {@code old}'s plugin: each of its listeners that {@code next} declares
     * alike (same {@link ListenerSpec}) goes on accepting, with no moment closed, and serves new
     * connections with {@code next}; the others are closed. Sessions already running stay with
     * {@code old}; see {@link #drain(ProtocolHandler, Duration)}.
     *
     * @return the names of the listeners handed over
     */
    public synchronized Set<String> handOver(ProtocolHandler old, ProtocolHandler next) {
        Set<String> kept = new java.util.HashSet<>();
        List<ListenerSpec> declared = next.listeners();
        listeners.removeIf(l -> {
            if (l.handler() != old) {
                return false;
            }
            if (declared.contains(l.spec())) {
                l.handOver(next);
                kept.add(l.spec().name());
                return false;
            }
            l.close();
            return true;
        });
        return kept;
    }

    /**
     * Ends the sessions {@code handler} runs that wait for a command at once, waits up to
     * {@code grace} for the others to end, then closes the rest.
     */
    public void drain(ProtocolHandler handler, Duration grace) {
        drain(s -> s.handler() == handler, grace);
    }

    /**
     * Closes one listener at once, so that its address can be bound again (a reload moved it),
     * ends the sessions it accepted that wait for a command, and gives the others {@code grace}
     * to end on their own before they are closed; that wait runs in the background. Nothing
     * happens for an unknown name.
     */
    public void unbind(String listenerName, Duration grace) {
        Set<Session> accepted;
        synchronized (this) {
            Listener found = listeners.stream().filter(l -> l.spec().name().equals(listenerName)).findFirst()
                    .orElse(null);
            if (found == null) {
                return;
            }
            found.close();
            listeners.remove(found);
            // Taken after the close: a listener bound later under the same name is not drained.
            accepted = live.stream().filter(s -> s.spec().name().equals(listenerName))
                    .collect(java.util.stream.Collectors.toSet());
        }
        if (!accepted.isEmpty()) {
            Thread drainer = new Thread(() -> drain(accepted::contains, grace), "drain-" + listenerName);
            drainer.setDaemon(true);
            drainer.start();
        }
    }

    /**
     * Graceful stop: stops accepting, ends the sessions that wait for their client's next
     * command at once, waits up to {@code grace} for the others to end, then closes the rest.
     * Idempotent.
     */
    public void stop(Duration grace) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            listeners.forEach(Listener::close);
            listeners.clear();
        }
        drain(s -> true, grace);
        sessions.shutdown();
        watchdog.close();
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }

    private void admit(Listener listener, Socket socket) {
        InetAddress client = socket.getInetAddress();
        ConnectionLimiter.Verdict verdict = limiter.tryAcquire(client);
        ListenerMetrics counts = listener.metrics();
        if (verdict != ConnectionLimiter.Verdict.ADMITTED) {
            boolean total = verdict == ConnectionLimiter.Verdict.TOTAL_LIMIT;
            (total ? counts.refusedTotalLimit() : counts.refusedAddressLimit()).inc();
            LOG.info("refused {} from {}: {}", listener.spec().name(), client.getHostAddress(),
                    total ? "too many connections" : "too many connections from this address");
            listener.refuse(socket);
            return;
        }
        counts.opened().inc();
        counts.open().inc();
        Session[] self = new Session[1];
        try {
            socket.setTcpNoDelay(true);
            NetLimits now = limits;
            socket.setSoTimeout(now.idleMillis());
            String id = Long.toString(CONNECTION_IDS.incrementAndGet(), 36);
            SocketConnection connection = new SocketConnection(id, listener.spec().name(), socket, tls, handshake,
                    watchdog, now.idleMillis(), now.writeMillis());
            self[0] = new Session(listener.handler(), listener.spec(), connection, () -> {
                live.remove(self[0]);
                limiter.release(client);
                counts.open().dec();
                synchronized (live) {
                    live.notifyAll();
                }
            });
            live.add(self[0]);
            sessions.execute(self[0]);
        } catch (IOException | RuntimeException e) {
            // Socket already reset, or the executor is shut down by stop().
            if (self[0] != null) {
                live.remove(self[0]);
            }
            limiter.release(client);
            counts.open().dec();
            TlsHandshake.closeQuietly(socket);
        }
    }

    /**
     * Ends the matching sessions that wait for their client's next command at once (each sends
     * its protocol's notice), lets the busy ones finish their command within {@code grace},
     * then aborts the rest and gives them a moment to finish their close.
     */
    private void drain(Predicate<Session> which, Duration grace) {
        askToEnd(which);
        if (awaitEnd(which, grace)) {
            return;
        }
        List<Session> rest = live.stream().filter(which).toList();
        LOG.info("closing {} session(s) still open after the grace time", rest.size());
        rest.forEach(s -> s.connection().abort());
        awaitEnd(which, Duration.ofSeconds(2));
    }

    /** Tells the matching sessions that the host is stopping; see {@link SocketConnection#endWhenIdle()}. */
    private void askToEnd(Predicate<Session> which) {
        live.stream().filter(which).forEach(s -> s.connection().endWhenIdle());
    }

    /** Whether all matching sessions ended within {@code timeout}. */
    private boolean awaitEnd(Predicate<Session> which, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (live) {
            while (live.stream().anyMatch(which)) {
                // Again each round: a session admitted while the listener was closing is told too.
                askToEnd(which);
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    live.wait(Math.min(left, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }
}
