package org.tegami.smtp.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.tegami.smtp.SmtpService;
import org.tegami.smtp.fake.FakeServer;
import org.tegami.smtp.session.SmtpConfig;
import org.tegami.tls.SelfSignedCertificate;
import org.tegami.tls.TlsService;

/**
 * A small host for wire tests: the SMTP service on real loopback sockets (port 0) for the
 * listeners smtp, submission and smtps, plus {@code smtp-remote} and {@code submission-remote},
 * which serve the same roles but tell the session the client is not on loopback. TLS comes from
 * the TLS plugin with a self-signed certificate; mail goes to a {@link FakeServer}.
 */
public final class WireServer implements AutoCloseable {

    /** Limits small enough to test: 100 kB messages, 5 recipients. */
    public static final SmtpConfig CONFIG = new SmtpConfig(100_000, 5, 1000, 10, 20,
            SmtpConfig.defaults().sessionTimeout(), java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(20), false, true);

    public final FakeServer server = new FakeServer();
    private final SmtpService service = new SmtpService(CONFIG);
    private final SSLContext tls;
    private final Map<String, ServerSocket> sockets = new HashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    public WireServer(Path dir) throws Exception {
        TlsService provider = new TlsService();
        List<Path> files = SelfSignedCertificate.ensure(dir, "mx.test");
        provider.start(List.<Path[]>of(new Path[] {files.get(0), files.get(1)}));
        tls = provider.serverContext();
        service.start(server);
        listen("smtp", "smtp", true, false);
        listen("submission", "submission", true, false);
        listen("smtps", "smtps", true, true);
        listen("smtp-remote", "smtp", false, false);
        listen("submission-remote", "submission", false, false);
    }

    /** The port of an endpoint: smtp, submission, smtps, smtp-remote, submission-remote. */
    public int port(String endpoint) {
        return sockets.get(endpoint).getLocalPort();
    }

    private void listen(String endpoint, String listener, boolean loopback, boolean implicitTls) throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sockets.put(endpoint, socket);
        threads.submit(() -> {
            while (!socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    return;
                }
                threads.submit(() -> serve(client, listener, loopback, implicitTls));
            }
        });
    }

    private void serve(Socket client, String listener, boolean loopback, boolean implicitTls) {
        SocketConnection connection = null;
        try {
            connection = new SocketConnection(client, listener, loopback, tls, implicitTls);
            service.serve(connection);
        } catch (IOException e) {
            // the client went away or timed out: the session is over
        } finally {
            if (connection != null) {
                connection.close();
            } else {
                try {
                    client.close();
                } catch (IOException e) {
                    // nothing to do
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (ServerSocket s : sockets.values()) {
            s.close();
        }
        threads.shutdownNow();
    }
}
