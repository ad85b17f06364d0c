package org.tegami.system.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The only next hop the server may relay to: a tiny SMTP server on loopback that accepts
 * everything and records each connection and each {@code RCPT TO}. Any connection here is an
 * outbound attempt.
 */
final class RelaySink implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> recipients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RelaySink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "relay-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections the server opened to this sink so far. */
    int connections() {
        return connections.get();
    }

    /** The recipients the server relayed, as written after {@code RCPT TO:}. */
    List<String> recipients() {
        return List.copyOf(recipients);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "relay-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            say(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    say(out, "250 sink");
                } else if (upper.startsWith("RCPT TO:")) {
                    recipients.add(line.substring(8).trim());
                    say(out, "250 ok");
                } else if (upper.equals("DATA")) {
                    say(out, "354 go");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the content does not matter, only that it arrived
                    }
                    say(out, "250 ok");
                } else if (upper.equals("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the server hung up; what it sent is recorded
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
