package org.tegami.core.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;
import org.tinylog.ThreadContext;

/**
 * One connection's life on its session thread: log context, implicit TLS, the handler's
 * {@code serve}, and the close that always follows. One INFO line at open and one at close.
 */
final class Session implements Runnable {

    private static final TaggedLogger LOG = Logger.tag("net");

    private final ProtocolHandler handler;
    private final ListenerSpec spec;
    private final SocketConnection connection;
    private final Runnable onEnd;

    Session(ProtocolHandler handler, ListenerSpec spec, SocketConnection connection, Runnable onEnd) {
        this.handler = handler;
        this.spec = spec;
        this.connection = connection;
        this.onEnd = onEnd;
    }

    ProtocolHandler handler() {
        return handler;
    }

    ListenerSpec spec() {
        return spec;
    }

    SocketConnection connection() {
        return connection;
    }

    @Override
    public void run() {
        ThreadContext.put("session", connection.id());
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        long started = System.nanoTime();
        String outcome = "done";
        try {
            LOG.debug("open {} from {}", spec.name(), describe(connection.remoteAddress()));
            if (spec.implicitTls()) {
                connection.handshakeImplicitTls();
            }
            // A plugin's libraries may look up resources through the context class loader.
            thread.setContextClassLoader(handler.getClass().getClassLoader());
            handler.serve(connection);
        } catch (IOException e) {
            outcome = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            outcome = "handler failed";
            LOG.error(e, "{} handler {} failed", spec.name(), handler.getClass().getName());
        } finally {
            thread.setContextClassLoader(previousLoader);
            connection.close();
            onEnd.run();
            LOG.debug("close {} after {} ms ({})", spec.name(), (System.nanoTime() - started) / 1_000_000, outcome);
            ThreadContext.remove("session");
        }
    }

    static String describe(InetSocketAddress address) {
        return address == null ? "?" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
