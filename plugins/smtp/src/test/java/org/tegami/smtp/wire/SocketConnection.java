package org.tegami.smtp.wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.tegami.api.Connection;

/**
 * A test host's connection over a real socket, with buffered streams that stay the same
 * objects across STARTTLS and a buffer that is emptied before the handshake.
 */
final class SocketConnection implements Connection {

    private static int counter;

    private final String id;
    private final String listener;
    private final boolean loopback;
    private final SSLContext tls;
    private Socket socket;
    private Buffered buffered;
    private final Input input = new Input();
    private final Output output = new Output();

    SocketConnection(Socket socket, String listener, boolean loopback, SSLContext tls, boolean implicitTls) throws IOException {
        synchronized (SocketConnection.class) {
            this.id = "w" + ++counter;
        }
        this.socket = socket;
        this.listener = listener;
        this.loopback = loopback;
        this.tls = tls;
        socket.setTcpNoDelay(true);
        use(socket);
        if (implicitTls) {
            handshake();
        }
    }

    private void use(Socket s) throws IOException {
        buffered = new Buffered(s.getInputStream());
        input.in = buffered;
        output.out = new BufferedOutputStream(s.getOutputStream(), 8192);
    }

    private void handshake() throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        socket = ssl;
        use(ssl);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String listenerName() {
        return listener;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public boolean isLoopback() {
        return loopback;
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
        return socket instanceof SSLSocket;
    }

    @Override
    public Optional<TlsInfo> tlsInfo() {
        if (socket instanceof SSLSocket ssl) {
            SSLSession session = ssl.getSession();
            return Optional.of(new TlsInfo(session.getProtocol(), session.getCipherSuite()));
        }
        return Optional.empty();
    }

    @Override
    public boolean canStartTls() {
        return tls != null && !isSecure();
    }

    @Override
    public int startTls() throws IOException {
        int dropped = buffered.dropBuffer();
        handshake();
        return dropped;
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        } catch (IOException e) {
            // the next read reports a broken socket
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static final class Buffered extends BufferedInputStream {
        Buffered(InputStream in) {
            super(in, 8192);
        }

        synchronized int dropBuffer() {
            int n = count - pos;
            pos = count;
            return n;
        }
    }

    private static final class Input extends FilterInputStream {
        InputStream in;

        Input() {
            super(null);
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }
    }

    private static final class Output extends FilterOutputStream {
        OutputStream out;

        Output() {
            super(null);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
