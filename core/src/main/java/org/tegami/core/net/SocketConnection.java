package org.tegami.core.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.tegami.api.Connection;
import org.tegami.api.TlsProvider;

/**
 * A {@link Connection} over an accepted socket. The input and output objects handed to the
 * handler never change; STARTTLS only moves them onto the TLS socket. A stop
 * ({@link #endWhenIdle()}) wakes a session that waits for its next command by shutting down the
 * input of the plain socket, under TLS 1.3 too: the read then sees end of stream in the
 * session's own thread. A TLS 1.2 session waiting for a command is closed without a notice.
 */
final class SocketConnection implements Connection, AutoCloseable {

    private final String id;
    private final String listenerName;
    private final Socket plain;
    private final Supplier<Optional<TlsProvider>> tls;
    private final TlsHandshake handshake;
    private final Watchdog watchdog;
    private final ConnectionInput input;
    private final ConnectionOutput output;
    private final CommandWait commandWait = new CommandWait(this::wakeRead);
    private volatile Socket current;
    /** The negotiated TLS protocol, {@code null} in plaintext; kept so a stop need not ask the TLS socket. */
    private volatile String tlsProtocol;
    private volatile int idleMillis;
    /** The most one write may block: below the idle timeout when that is set longer (IDLE). */
    private final int writeMillis;

    SocketConnection(String id, String listenerName, Socket plain, Supplier<Optional<TlsProvider>> tls,
            TlsHandshake handshake, Watchdog watchdog, int idleMillis, int writeMillis) throws IOException {
        this.id = id;
        this.listenerName = listenerName;
        this.plain = plain;
        this.tls = tls;
        this.handshake = handshake;
        this.watchdog = watchdog;
        this.idleMillis = idleMillis;
        this.writeMillis = writeMillis;
        this.current = plain;
        this.input = new ConnectionInput(plain.getInputStream(), commandWait);
        this.output = new ConnectionOutput(guarded(plain.getOutputStream()));
    }

    /** Implicit TLS (RFC 8314): handshake before the handler sees the connection. */
    void handshakeImplicitTls() throws IOException {
        TlsProvider provider = tls.get().orElseThrow(() -> new IOException("no TLS provider for implicit TLS"));
        upgrade(provider);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String listenerName() {
        return listenerName;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) plain.getRemoteSocketAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) plain.getLocalSocketAddress();
    }

    @Override
    public boolean isLoopback() {
        return plain.getInetAddress().isLoopbackAddress();
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public boolean isSecure() {
        return current instanceof SSLSocket;
    }

    @Override
    public Optional<TlsInfo> tlsInfo() {
        if (!(current instanceof SSLSocket tlsSocket)) {
            return Optional.empty();
        }
        SSLSession session = tlsSocket.getSession();
        return Optional.of(new TlsInfo(session.getProtocol(), session.getCipherSuite()));
    }

    @Override
    public boolean canStartTls() {
        return !isSecure() && tls.get().isPresent();
    }

    @Override
    public int startTls() throws IOException {
        if (isSecure()) {
            throw new IOException("connection is already secure");
        }
        TlsProvider provider = tls.get().orElseThrow(() -> new IOException("no TLS provider"));
        output.flush();
        return upgrade(provider);
    }

    private int upgrade(TlsProvider provider) throws IOException {
        SSLSocket tlsSocket = handshake.wrap(plain, provider, idleMillis);
        tlsProtocol = tlsSocket.getSession().getProtocol();
        current = tlsSocket;
        output.switchSink(guarded(tlsSocket.getOutputStream()));
        return input.switchSource(tlsSocket.getInputStream());
    }

    private OutputStream guarded(OutputStream socketOutput) {
        return new GuardedOutputStream(socketOutput, watchdog, () -> Math.min(idleMillis, writeMillis), this::abort);
    }

    @Override
    public boolean awaitCommand() {
        return commandWait.begin();
    }

    @Override
    public boolean commandReceived() {
        return commandWait.end();
    }

    /** The host is stopping or draining this session: see {@link Connection#awaitCommand()}. */
    void endWhenIdle() {
        commandWait.stop();
    }

    /**
     * Makes the blocked read return end of stream. TLS 1.3 closes each direction on its own (RFC
     * 8446 6.1), so the notice still goes out after that. TLS 1.2 answers the end of input with a
     * close of its own (RFC 5246 7.2.1, duplex close), and the notice could no longer be sent:
     * such a session is closed at once without it (its read fails), so that it does not hold the
     * stop for the grace time either. Reading in slices to look for the stop would cost every
     * idle TLS 1.2 session wake-ups and cut TLS records at a timeout.
     */
    private boolean wakeRead() {
        if (!wakeable(tlsProtocol)) {
            abort();
            return false;
        }
        try {
            plain.shutdownInput();
            return true;
        } catch (IOException e) {
            // Closed already: the session's read has failed or will.
            return false;
        }
    }

    /** Whether a read on a connection with this TLS protocol ({@code null}: plaintext) can be woken. */
    private static boolean wakeable(String protocol) {
        return protocol == null || protocol.equals("TLSv1.3");
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        idleMillis = NetLimits.millis(timeout);
        try {
            current.setSoTimeout(idleMillis);
        } catch (IOException e) {
            // The socket is closed; the next read reports it.
        }
    }

    /** Closes the socket; unflushed output is lost (a handler flushes its last reply). */
    @Override
    public void close() {
        if (current instanceof SSLSocket) {
            // The JDK's TLS close sends close_notify and then waits, up to the read timeout, for
            // a byte of the client's answer: a client that does not read would hold the session
            // thread, and a stop, that long. The answer need not be awaited (RFC 5246 7.2.1,
            // RFC 8446 6.1), and nothing the client sends now is read.
            try {
                plain.shutdownInput();
            } catch (IOException e) {
                // Closed already.
            }
        }
        TlsHandshake.closeQuietly(current);
        TlsHandshake.closeQuietly(plain);
    }

    /** Closes the socket at once, from another thread (shutdown); the session's read fails. */
    void abort() {
        TlsHandshake.closeQuietly(plain);
        TlsHandshake.closeQuietly(current);
    }
}
