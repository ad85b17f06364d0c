package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tegami.testing.TestServer;

/**
 * A stopping server ends SMTP sessions idle between commands at once with
 * {@code 421 4.3.2 <host> Service shutting down} (RFC 5321 3.8), and lets a message in DATA
 * finish first. The grace time is 20 s, so a quick stop can only come from the notice.
 */
class ShutdownNoticeIT {

    private static final String NOTICE = "421 4.3.2 mx.test Service shutting down";

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = WireServers.start(true, "shutdown.grace", "20s");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long timedStop() {
        long started = System.nanoTime();
        server.tegami().close();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void idleSessionsGet421AtOnceAndTheStopIsQuick() throws Exception {
        try (Client greeted = Client.plain(server.port("smtp"));
                Client inTransaction = Client.plain(server.port("smtp"));
                Client implicitTls = Client.tls(server.port("smtps"))) {
            inTransaction.command("EHLO client.test");
            assertEquals("250 2.1.0 Ok", inTransaction.command("MAIL FROM:<someone@example.org>"));
            assertTrue(inTransaction.command("RCPT TO:<alice@test>").startsWith("250"));
            implicitTls.command("EHLO client.test");

            long took = timedStop();

            for (Client client : List.of(greeted, inTransaction, implicitTls)) {
                assertEquals(NOTICE, client.line());
                assertNull(client.line(), "closed after the notice");
            }
            assertTrue(took < 3_000, "stop took " + took + " ms");
        }
        assertTrue(server.messages("alice@test").isEmpty(), "the open transaction was not completed");
    }

    @Test
    void aMessageInDataIsAcceptedThenTheSessionGets421() throws Exception {
        try (Client client = Client.plain(server.port("smtp"))) {
            client.command("EHLO client.test");
            client.command("MAIL FROM:<someone@example.org>");
            client.command("RCPT TO:<alice@test>");
            assertTrue(client.command("DATA").startsWith("354"));
            client.send("Subject: across the stop\r\n\r\nfirst half\r\n");

            CompletableFuture<Long> stopping = CompletableFuture.supplyAsync(this::timedStop);
            Thread.sleep(300);
            assertFalse(stopping.isDone(), "the stop waits for the message in DATA");

            client.send("second half\r\n");
            assertTrue(client.command(".").startsWith("250 "), "the message is accepted");
            assertEquals(NOTICE, client.line(), "and the next command is not waited for");
            assertNull(client.line());
            long took = stopping.get(10, TimeUnit.SECONDS);
            assertTrue(took < 5_000, "stop took " + took + " ms");
        }
        assertEquals(1, filesContaining("Subject: across the stop"), "delivered, or kept in the spool for the next start");
    }

    private long filesContaining(String text) throws IOException {
        try (Stream<Path> files = Files.walk(server.root())) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, text)).count();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** A raw SMTP client: one line out, one reply line in (multi-line replies are skipped to their last line). */
    private static final class Client implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        private Client(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            this.out = socket.getOutputStream();
            assertTrue(line().startsWith("220 "));
        }

        static Client plain(int port) throws IOException {
            return new Client(new Socket(InetAddress.getLoopbackAddress(), port));
        }

        static Client tls(int port) throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TranscriptRunner.TrustAll()}, null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
            socket.startHandshake();
            return new Client(socket);
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        String command(String line) throws IOException {
            send(line + "\r\n");
            String reply = line();
            while (reply != null && reply.length() > 3 && reply.charAt(3) == '-') {
                reply = line();
            }
            return reply;
        }

        String line() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
