package org.tegami.core.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A test client for line protocols over a real socket, with STARTTLS. */
final class LineClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;

    LineClient(int port) throws IOException {
        this(port, null);
    }

    /** Connects from {@code localAddress} (another loopback address: another client IP). */
    LineClient(int port, InetAddress localAddress) throws IOException {
        socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
    }

    /** Connects with implicit TLS. */
    static LineClient tls(int port, SSLContext context) throws IOException {
        LineClient client = new LineClient(port);
        client.upgrade(context);
        return client;
    }

    void upgrade(SSLContext context) throws IOException {
        upgrade(context, (String[]) null);
    }

    /** Upgrades offering only {@code protocols} ({@code null}: the JDK's defaults). */
    void upgrade(SSLContext context, String... protocols) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        tls.setUseClientMode(true);
        if (protocols != null) {
            tls.setEnabledProtocols(protocols);
        }
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
    }

    /** Sends the text as it is, in one write. */
    void sendRaw(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    void send(String line) throws IOException {
        sendRaw(line + "\r\n");
    }

    /** The next line without CRLF, or {@code null} at end of stream. */
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.US_ASCII);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Whether the server closed the connection (end of stream or reset) within the read
     * timeout; skips whatever it sent before (a TLS alert, say).
     */
    boolean closedByServer() {
        try {
            while (in.read() != -1) {
                // skip
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void setReadTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
