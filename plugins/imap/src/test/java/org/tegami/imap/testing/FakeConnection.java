package org.tegami.imap.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.tegami.api.Connection;

/** A {@link Connection} over in-memory pipes, loopback or not, never secure. */
public final class FakeConnection implements Connection {

    private final InputStream in;
    private final OutputStream out;
    private final boolean loopback;
    private final String id;

    public FakeConnection(String id, InputStream in, OutputStream out, boolean loopback) {
        this.id = id;
        this.in = in;
        this.out = out;
        this.loopback = loopback;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String listenerName() {
        return "imap";
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress(loopback ? "127.0.0.1" : "192.0.2.7", 40000);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 1143);
    }

    @Override
    public boolean isLoopback() {
        return loopback;
    }

    @Override
    public InputStream input() {
        return in;
    }

    @Override
    public OutputStream output() {
        return out;
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public Optional<TlsInfo> tlsInfo() {
        return Optional.empty();
    }

    @Override
    public boolean canStartTls() {
        return false;
    }

    @Override
    public int startTls() throws IOException {
        throw new IOException("no TLS in memory");
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
    }
}
