package org.tegami.pop3.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.tegami.api.ProtocolHandler;

/**
 * Serves a {@link ProtocolHandler} on two loopback ports (plain with STLS, and implicit TLS),
 * one thread per connection, the way the core host does it, for socket tests of the plugin
 * alone.
 */
public final class SocketHost implements AutoCloseable {

    private final ProtocolHandler handler;
    private final SSLContext tls;
    private final ServerSocket plain;
    private final ServerSocket implicit;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public SocketHost(ProtocolHandler handler) throws Exception {
        this.handler = handler;
        this.tls = testContext();
        this.plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.implicit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> accept(plain, "pop3", false));
        threads.execute(() -> accept(implicit, "pop3s", true));
    }

    /** The self-signed localhost certificate in the test resources (password changeit). */
    public static SSLContext testContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = SocketHost.class.getResourceAsStream("/tls/test-server.p12")) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    public int plainPort() {
        return plain.getLocalPort();
    }

    public int tlsPort() {
        return implicit.getLocalPort();
    }

    private void accept(ServerSocket server, String listener, boolean implicitTls) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            threads.execute(() -> {
                try (socket) {
                    handler.serve(new SocketConnection(socket, tls, listener, implicitTls));
                } catch (IOException e) {
                    // the client went away: the session is over, as in the host
                }
            });
        }
    }

    @Override
    public void close() throws IOException {
        plain.close();
        implicit.close();
        threads.shutdownNow();
    }
}
