package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.tegami.pop3.testing.Pop3TestServer;
import org.tegami.pop3.testing.StandardMaildrop;

/**
 * A stopping server closes POP3 sessions idle between commands at once and without a word
 * (POP3 has no unsolicited responses, RFC 1939 3), and without UPDATE: messages marked with
 * DELE stay. The grace time is 20 s, so a quick stop can only come from that.
 */
class ShutdownIT {

    @Test
    void idleSessionsAreClosedAtOnceAndKeepTheirMessages() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.start(b -> b.config("shutdown.grace", "20s"))) {
            for (String message : StandardMaildrop.MESSAGES) {
                server.append(StandardMaildrop.USER, message.getBytes(StandardCharsets.UTF_8));
            }
            int count = StandardMaildrop.MESSAGES.size();
            try (Client plain = new Client(new Socket(InetAddress.getLoopbackAddress(), server.pop3Port()));
                    Client tls = new Client(implicitTls(server.pop3sPort()))) {
                plain.login();
                assertEquals("+OK message 1 deleted", plain.command("DELE 1"));
                assertTrue(tls.command("CAPA").startsWith("+OK"));

                long started = System.nanoTime();
                server.server().tegami().close();
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                assertNull(plain.line(), "closed without a reply");
                assertTrue(tls.closed(), "closed without a reply");
                assertTrue(took < 3_000, "stop took " + took + " ms");
            }
            assertEquals(count, server.server().messages(StandardMaildrop.USER).size(), "no UPDATE: DELE undone");
        }
    }

    private static Socket implicitTls(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.startHandshake();
        return socket;
    }

    /** A raw POP3 client: one line out, one status line in. */
    private static final class Client implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Client(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
            assertTrue(line().startsWith("+OK"));
        }

        void login() throws IOException {
            assertTrue(command("USER " + StandardMaildrop.USER).startsWith("+OK"));
            assertTrue(command("PASS " + StandardMaildrop.PASSWORD).startsWith("+OK maildrop"));
        }

        /** Sends a command and returns the status line; a multi-line answer is read to its end. */
        String command(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (line.equals("CAPA") && status.startsWith("+OK")) {
                while (!".".equals(line())) {
                    // capability lines
                }
            }
            return status;
        }

        String line() throws IOException {
            return in.readLine();
        }

        /** End of stream with nothing before it; a TLS layer may also report the close as an error. */
        boolean closed() {
            try {
                return in.readLine() == null;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Trusts the test server's self-signed certificate. */
    private static final class TrustAll implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
