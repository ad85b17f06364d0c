package org.tegami.core.net;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.tegami.api.TlsProvider;

/**
 * Layers server-side TLS over an accepted socket, for implicit TLS and STARTTLS alike. The
 * handshake has a deadline of its own: SO_TIMEOUT bounds each read, and a watchdog closes the
 * socket when the whole handshake takes longer, so a client trickling bytes cannot hold a
 * session thread.
 */
final class TlsHandshake {

    private final Watchdog watchdog;
    private final int timeoutMillis;

    TlsHandshake(int timeoutMillis, Watchdog watchdog) {
        this.timeoutMillis = timeoutMillis;
        this.watchdog = watchdog;
    }

    /**
     * Wraps {@code plain} (which the returned socket then owns) and completes the handshake.
     *
     * @param idleMillis the read timeout the TLS socket keeps afterwards
     * @throws IOException when the handshake fails or times out; the socket is then closed
     */
    SSLSocket wrap(Socket plain, TlsProvider provider, int idleMillis) throws IOException {
        SSLContext context = provider.serverContext();
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        tls.setUseClientMode(false);
        tls.setEnabledProtocols(usable(provider.enabledProtocols(), tls.getSupportedProtocols()));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> guard = watchdog.arm(timeoutMillis, () -> {
            expired.set(true);
            // The plain socket: closing the TLS one could block writing an alert.
            closeQuietly(plain);
        });
        try {
            tls.setSoTimeout(timeoutMillis);
            tls.startHandshake();
            tls.setSoTimeout(idleMillis);
            return tls;
        } catch (IOException e) {
            closeQuietly(tls);
            if (expired.get()) {
                throw new SocketException("TLS handshake took longer than " + timeoutMillis + " ms");
            }
            throw e;
        } finally {
            guard.cancel(false);
        }
    }

    /** The provider's protocols that this JDK supports, so a typo does not break every handshake. */
    private static String[] usable(String[] wanted, String[] supported) {
        List<String> known = Arrays.asList(supported);
        String[] usable = Arrays.stream(wanted).filter(known::contains).toArray(String[]::new);
        if (usable.length == 0) {
            throw new IllegalStateException("none of the TLS protocols " + Arrays.toString(wanted) + " is supported");
        }
        return usable;
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
