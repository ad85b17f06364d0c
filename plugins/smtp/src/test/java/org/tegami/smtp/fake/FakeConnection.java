package org.tegami.smtp.fake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tegami.api.Connection;

/**
 * An in-memory connection: the client's bytes before STARTTLS, and those after it. Records each
 * flush, so tests can check that replies leave whole.
 */
public final class FakeConnection implements Connection {

    private final String listener;
    private final InetAddress remote;
    private final ByteArrayInputStream plain;
    private final ByteArrayInputStream encrypted;
    private final boolean tlsAvailable;
    private boolean secure;
    private boolean upgraded;
    private final List<String> flushes = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();

    public FakeConnection(String listener, String remoteIp, boolean implicitTls, boolean tlsAvailable,
            String beforeTls, String afterTls) throws IOException {
        this.listener = listener;
        this.remote = InetAddress.getByName(remoteIp);
        this.secure = implicitTls;
        this.tlsAvailable = tlsAvailable;
        this.plain = new ByteArrayInputStream(beforeTls.getBytes(StandardCharsets.UTF_8));
        this.encrypted = new ByteArrayInputStream(afterTls.getBytes(StandardCharsets.UTF_8));
    }

    /** A plaintext client on the MX listener from a remote address. */
    public static FakeConnection mx(String client) throws IOException {
        return new FakeConnection("smtp", "192.0.2.7", false, true, client, "");
    }

    /** When set, reading past the client's bytes times out instead of reaching end of stream. */
    public boolean timeOutAtEnd;

    /** Everything the server sent. */
    public String sent() {
        return all.toString(StandardCharsets.UTF_8);
    }

    /** What each flush sent. */
    public List<String> flushes() {
        return flushes;
    }

    @Override
    public String id() {
        return "c1";
    }

    @Override
    public String listenerName() {
        return listener;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress(remote, 40000);
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 25);
    }

    @Override
    public boolean isLoopback() {
        return remote.isLoopbackAddress();
    }

    @Override
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() {
                return (upgraded ? encrypted : plain).read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws SocketTimeoutException {
                int n = (upgraded ? encrypted : plain).read(b, off, len);
                if (n < 0 && timeOutAtEnd) {
                    throw new SocketTimeoutException("idle");
                }
                return n;
            }

            @Override
            public int available() {
                return (upgraded ? encrypted : plain).available();
            }
        };
    }

    @Override
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                pending.write(b);
                all.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                pending.write(b, off, len);
                all.write(b, off, len);
            }

            @Override
            public void flush() {
                flushes.add(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
        };
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public Optional<TlsInfo> tlsInfo() {
        return secure ? Optional.of(new TlsInfo("TLSv1.3", "TLS_AES_128_GCM_SHA256")) : Optional.empty();
    }

    @Override
    public boolean canStartTls() {
        return !secure && tlsAvailable;
    }

    @Override
    public int startTls() throws IOException {
        if (!canStartTls()) {
            throw new IOException("no TLS");
        }
        int dropped = plain.available();
        plain.skip(dropped);
        secure = true;
        upgraded = true;
        return dropped;
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
    }
}
