package org.tegami.core.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.core.metrics.ListenerMetrics;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * One bound server socket and the platform thread that accepts on it. Accepting does no I/O
 * with the client beyond the busy line: the TLS handshake and the session run on the
 * session's own thread.
 */
final class Listener {

    private static final TaggedLogger LOG = Logger.tag("net");

    /** Decides what happens to each accepted socket; implemented by {@link ListenerHost}. */
    interface Admission {
        void admit(Listener listener, Socket socket);
    }

    /** The backlog Java and many servers use, kept as the floor for small connection limits. */
    static final int MIN_BACKLOG = 128;
    /** How long {@link #close()} waits for the accepting thread to leave {@code accept()}. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    /** Replaced when a reload restarts the handler's plugin; sessions keep the one that accepted them. */
    private volatile ProtocolHandler handler;
    private final ListenerSpec spec;
    private final ListenerMetrics metrics;
    private final ServerSocket server;
    private final Thread acceptor;

    /**
     * @param backlog the kernel's queue of connections not yet accepted (capped by
     *     {@code net.core.somaxconn}). When it overflows, Linux drops the client's handshake ACK
     *     while the client already believes it is connected: a client that waits for the
     *     greeting then hangs until its own timeout. So it is sized to the connection limit,
     *     which lets every admissible client of a simultaneous burst wait in it.
     */
    Listener(ProtocolHandler handler, ListenerSpec spec, InetSocketAddress address, int backlog,
            ListenerMetrics metrics, Admission admission) throws IOException {
        this.handler = handler;
        this.spec = spec;
        this.metrics = metrics;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(address, Math.max(MIN_BACKLOG, backlog));
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen for " + spec.name() + " on " + Session.describe(address)
                    + ": " + e.getMessage(), e);
        }
        this.acceptor = new Thread(() -> acceptLoop(admission), "accept-" + spec.name());
        acceptor.setDaemon(true);
    }

    void start() {
        acceptor.start();
        LOG.info("listening for {} on {}{}", spec.name(), Session.describe(boundAddress()),
                spec.implicitTls() ? " (implicit TLS)" : "");
    }

    ProtocolHandler handler() {
        return handler;
    }

    ListenerSpec spec() {
        return spec;
    }

    /** This listener's connection counters. */
    ListenerMetrics metrics() {
        return metrics;
    }

    /** Serves the connections accepted from now on with {@code next}; the socket stays open. */
    void handOver(ProtocolHandler next) {
        this.handler = next;
    }

    InetSocketAddress boundAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /**
     * Stops accepting; connections already accepted go on. Returns once the accepting thread
     * has left {@code accept()}: the JDK releases the port only then, and a reload that moves
     * a listener back to its old address binds it right after this.
     */
    void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("closing the {} listener: {}", spec.name(), e.getMessage());
        }
        if (Thread.currentThread() != acceptor && acceptor.isAlive()) {
            try {
                acceptor.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends the handler's busy line (plain listeners only) and closes the socket. */
    void refuse(Socket socket) {
        String busy = spec.implicitTls() ? null : handler.busyReply();
        if (busy != null) {
            try {
                socket.getOutputStream().write((busy + "\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException ignored) {
                // the client is gone already
            }
        }
        TlsHandshake.closeQuietly(socket);
    }

    private void acceptLoop(Admission admission) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("accepting on {}: {}", spec.name(), e.getMessage());
                    pause();
                }
                continue;
            }
            admission.admit(this, socket);
        }
    }

    /** After an accept error (e.g. out of file descriptors), do not spin. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
