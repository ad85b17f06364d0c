package org.tegami.pop3.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.tegami.api.Connection;

/**
 * A connection over byte arrays: what the client "sent before the TLS handshake" and "after
 * it". {@link #startTls()} throws away the unread rest of the first part, as the host does.
 */
public final class FakeConnection implements Connection {

    private final byte[] beforeTls;
    private final byte[] afterTls;
    private final boolean loopback;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private byte[] current;
    private int position;
    private boolean secure;
    private boolean tlsAvailable = true;
    private boolean timeoutAtEnd;
    private int flushes;
    private Duration idleTimeout;

    public FakeConnection(String beforeTls, String afterTls, boolean loopback) {
        this.beforeTls = beforeTls.getBytes(StandardCharsets.UTF_8);
        this.afterTls = afterTls.getBytes(StandardCharsets.UTF_8);
        this.loopback = loopback;
        this.current = this.beforeTls;
    }

    /** A loopback client sending these CRLF-terminated lines. */
    public static FakeConnection lines(String... lines) {
        return new FakeConnection(String.join("\r\n", lines) + "\r\n", "", true);
    }

    public FakeConnection secure(boolean value) {
        this.secure = value;
        return this;
    }

    public FakeConnection tlsAvailable(boolean value) {
        this.tlsAvailable = value;
        return this;
    }

    /** Makes a read at the end of the input time out instead of seeing the client close. */
    public FakeConnection timeoutAtEnd() {
        this.timeoutAtEnd = true;
        return this;
    }

    /** Everything the server wrote. */
    public String written() {
        return output.toString(StandardCharsets.UTF_8);
    }

    public byte[] writtenBytes() {
        return output.toByteArray();
    }

    public int flushes() {
        return flushes;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    @Override
    public String id() {
        return "test";
    }

    @Override
    public String listenerName() {
        return "pop3";
    }

    @Override
    public InetSocketAddress remoteAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByName(loopback ? "127.0.0.1" : "192.0.2.7"), 40000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 1110);
    }

    @Override
    public boolean isLoopback() {
        return loopback;
    }

    @Override
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws SocketTimeoutException {
                if (position < current.length) {
                    return current[position++] & 0xff;
                }
                if (timeoutAtEnd) {
                    throw new SocketTimeoutException("idle");
                }
                return -1;
            }
        };
    }

    @Override
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                output.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                output.write(b, off, len);
            }

            @Override
            public void flush() {
                flushes++;
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
        return tlsAvailable && !secure;
    }

    @Override
    public int startTls() {
        int discarded = current.length - position;
        current = afterTls;
        position = 0;
        secure = true;
        return discarded;
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
    }
}
