package org.tegami.core.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.core.config.HostPort;
import org.tegami.core.net.ListenerHost;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Which listener is bound to which configured address, for the protocol handlers of the running
 * server, and the moves a reload asks for: a listener whose {@code <name>.listen} changed is
 * closed (its sessions get the grace time) and bound at the new address, a listener switched on
 * is bound, one switched off is closed. Thread-safe; one change at a time.
 */
public final class ListenerBindings {

    private static final TaggedLogger LOG = Logger.tag("server");

    /** A handler's listener with its configured address. */
    public record Binding(ProtocolHandler handler, ListenerSpec spec, HostPort address) {
    }

    private final ListenerHost host;
    private final Map<String, Binding> bound = new LinkedHashMap<>();
    /** Where each listener is bound in fact (port 0 in the config picks one). */
    private final Map<String, InetSocketAddress> actual = new LinkedHashMap<>();

    public ListenerBindings(ListenerHost host) {
        this.host = host;
    }

    /**
     * Binds one listener.
     *
     * @throws IOException naming the address and the config key when it cannot be bound
     */
    public synchronized void bind(Binding b) throws IOException {
        bindAt(b, socketAddress(b.address()));
    }

    private void bindAt(Binding b, InetSocketAddress at) throws IOException {
        try {
            actual.put(b.spec().name(), host.bind(b.handler(), b.spec(), at));
        } catch (IOException e) {
            throw new IOException("cannot listen on " + b.address() + " (" + b.spec().name() + ".listen): "
                    + e.getMessage(), e);
        }
        bound.put(b.spec().name(), b);
    }

    /**
     * Moves the listeners of {@code old} that {@code next} serves alike over to {@code next}
     * without closing them, and closes the rest (see {@link ListenerHost#handOver}).
     */
    public synchronized void handOver(ProtocolHandler old, ProtocolHandler next) {
        Set<String> kept = host.handOver(old, next);
        for (Binding b : new ArrayList<>(bound.values())) {
            if (b.handler() == old) {
                if (kept.contains(b.spec().name())) {
                    bound.put(b.spec().name(), new Binding(next, b.spec(), b.address()));
                } else {
                    bound.remove(b.spec().name());
                    actual.remove(b.spec().name());
                }
            }
        }
    }

    /** Whether a listener of this name is bound. */
    public synchronized boolean isBound(String listenerName) {
        return bound.containsKey(listenerName);
    }

    /** Closes every listener of a handler and waits up to {@code grace} for its sessions. */
    public synchronized void unbind(ProtocolHandler handler, Duration grace) {
        bound.values().removeIf(b -> b.handler() == handler);
        actual.keySet().retainAll(bound.keySet());
        host.unbind(handler, grace);
    }

    /**
     * Makes the bound listeners match {@code desired}. A listener that cannot be bound at its
     * new address is logged at ERROR and, if it was moved, bound at its old address again.
     *
     * @return one line per change, e.g. {@code smtp 127.0.0.1:2525 -> 127.0.0.1:2526}, and
     *     {@code FAILED ...} lines for the ones that could not be made
     */
    public synchronized List<String> apply(List<Binding> desired, Duration grace) {
        Map<String, Binding> wanted = new LinkedHashMap<>();
        desired.forEach(b -> wanted.put(b.spec().name(), b));
        List<String> changes = new ArrayList<>();
        Map<String, Binding> previous = new LinkedHashMap<>();
        for (Binding old : new ArrayList<>(bound.values())) {
            Binding next = wanted.get(old.spec().name());
            if (next == null || !next.address().equals(old.address()) || next.handler() != old.handler()) {
                host.unbind(old.spec().name(), grace);
                bound.remove(old.spec().name());
                previous.put(old.spec().name(), old);
                if (next == null) {
                    changes.add(old.spec().name() + " " + old.address() + " -> off");
                }
            }
        }
        for (Binding next : wanted.values()) {
            if (bound.containsKey(next.spec().name())) {
                continue;
            }
            Binding old = previous.get(next.spec().name());
            try {
                bind(next);
                changes.add(next.spec().name() + " " + (old == null ? "off" : old.address().toString()) + " -> "
                        + next.address());
            } catch (IOException e) {
                LOG.error("reload: {}", e.getMessage());
                changes.add("FAILED " + e.getMessage());
                rebindOld(old, actual.get(next.spec().name()));
            }
        }
        actual.keySet().retainAll(bound.keySet());
        return changes;
    }

    /** Binds a moved listener where it was, on the very port (also when its config says port 0). */
    private void rebindOld(Binding old, InetSocketAddress was) {
        if (old == null) {
            return;
        }
        try {
            bindAt(old, was != null ? was : socketAddress(old.address()));
            LOG.warn("reload: {} stays on {}", old.spec().name(), old.address());
        } catch (IOException e) {
            LOG.error("reload: {} is now off: {}", old.spec().name(), e.getMessage());
        }
    }

    /** {@code *:25} binds every address; names and literals are resolved here. */
    private static InetSocketAddress socketAddress(HostPort address) {
        return address.host().equals("*") ? new InetSocketAddress(address.port())
                : new InetSocketAddress(address.host(), address.port());
    }
}
