package org.tegami.pop3.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.tegami.api.Connection;

/**
 * A {@link Connection} over a real socket, for tests that speak POP3 over TCP before the core
 * host is available: buffered streams that stay the same objects across STLS, the buffered
 * plaintext thrown away at the handshake, TLS from a test key store.
 */
final class SocketConnection implements Connection {

    private final Socket plain;
    private final SSLContext tls;
    private final String listener;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private Socket current;
    private InputStream rawIn;
    private OutputStream rawOut;
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

    SocketConnection(Socket socket, SSLContext tls, String listener, boolean implicitTls) throws IOException {
        this.plain = socket;
        this.tls = tls;
        this.listener = listener;
        socket.setTcpNoDelay(true);
        use(socket);
        if (implicitTls) {
            handshake();
        }
    }

    private void use(Socket socket) throws IOException {
        current = socket;
        rawIn = socket.getInputStream();
        rawOut = socket.getOutputStream();
    }

    private void handshake() throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, plain.getInetAddress().getHostAddress(),
                plain.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        use(ssl);
    }

    @Override
    public String id() {
        return Integer.toString(plain.getPort());
    }

    @Override
    public String listenerName() {
        return listener;
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
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (position == limit) {
                    int n = rawIn.read(buffer);
                    if (n <= 0) {
                        return -1;
                    }
                    position = 0;
                    limit = n;
                }
                return buffer[position++] & 0xff;
            }
        };
    }

    @Override
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                pending.write(b, off, len);
                if (pending.size() >= 256 * 1024) {
                    send();
                }
            }

            @Override
            public void flush() throws IOException {
                send();
            }

            private void send() throws IOException {
                pending.writeTo(rawOut);
                rawOut.flush();
                pending.reset();
            }
        };
    }

    @Override
    public boolean isSecure() {
        return current instanceof SSLSocket;
    }

    @Override
    public Optional<TlsInfo> tlsInfo() {
        if (current instanceof SSLSocket ssl) {
            return Optional.of(new TlsInfo(ssl.getSession().getProtocol(), ssl.getSession().getCipherSuite()));
        }
        return Optional.empty();
    }

    @Override
    public boolean canStartTls() {
        return tls != null && !isSecure();
    }

    @Override
    public int startTls() throws IOException {
        int discarded = limit - position;
        position = limit;
        handshake();
        return discarded;
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        try {
            plain.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
