package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow clients: many connections that dribble one byte a second into a line that never ends
 * (each byte resets the read timeout) are all cut off by the session or login time limit,
 * while other clients are served meanwhile; and one address cannot hold more than
 * {@code net.max-connections-per-ip} connections.
 */
class SlowlorisIT {

    private static final List<String> PLAIN = List.of("smtp", "submission", "pop3", "imap");
    private static final int PER_LISTENER = 5;
    /** The longest any limit allows here (4 s) plus one read timeout (3 s) plus slack for a busy machine. */
    private static final Duration CUT_OFF = Duration.ofSeconds(12);
    private static final int PER_IP = 40;

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of("smtp.session-timeout", "4s",
            "pop3.login-timeout", "4s", "imap.login-timeout", "4s",
            "net.max-connections-per-ip", Integer.toString(PER_IP)), started -> server = started);

    @Test
    void dribblingClientsAreCutOffWhileOthersAreServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PLAIN.size() * PER_LISTENER);
        try {
            List<Future<Long>> dribblers = new ArrayList<>();
            for (String listener : PLAIN) {
                for (int i = 0; i < PER_LISTENER; i++) {
                    dribblers.add(pool.submit(() -> dribbleUntilClosed(server.port(listener))));
                }
            }
            // while they dribble, others get through at once
            for (int round = 0; round < 3; round++) {
                Thread.sleep(1000);
                long t0 = System.nanoTime();
                server.assertServes("127.0.0.72");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms < 3000, "serving a normal client on 3 listeners took " + ms + " ms");
            }
            for (Future<Long> d : dribblers) {
                long lived = d.get(CUT_OFF.toSeconds() + 5, TimeUnit.SECONDS);
                assertTrue(lived <= CUT_OFF.toMillis(), "a dribbling client lived " + lived + " ms");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends one byte a second of an endless line; returns how long the server kept the connection. */
    private static long dribbleUntilClosed(int port) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress("127.0.0.71", 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(1000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            StringBuilder seen = new StringBuilder();
            long deadline = start + CUT_OFF.plusSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    out.write('x');
                    out.flush();
                } catch (SocketException e) {
                    break;
                }
                try {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    seen.append((char) b);
                    seen.append(new String(in.readNBytes(in.available()), java.nio.charset.StandardCharsets.ISO_8859_1));
                } catch (SocketTimeoutException e) {
                    // nothing this second: dribble on
                } catch (SocketException e) {
                    break;
                }
            }
            Leaks.assertClean(seen.toString(), "dribbling client on " + port);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void oneAddressCannotHoldMoreThanItsShare() throws Exception {
        List<Wire> held = new ArrayList<>();
        try {
            for (int i = 0; i < PER_IP; i++) {
                Wire w = Wire.open(server.port(PLAIN.get(i % PLAIN.size())), "127.0.0.73");
                held.add(w);
                assertTrue(w.readLine() != null, "connection " + (i + 1) + " greeted");
            }
            for (String listener : PLAIN) {
                try (Wire extra = Wire.open(server.port(listener), "127.0.0.73")) {
                    List<String> lines = extra.linesUntilClosed(Duration.ofSeconds(3));
                    assertTrue(lines.size() <= 1, "one busy line at most: " + lines);
                    lines.forEach(l -> assertTrue(l.matches("(421|-ERR|\\* BYE) .*"), "busy line on " + listener + ": " + l));
                }
            }
            server.assertServes("127.0.0.74");
        } finally {
            held.forEach(Wire::close);
        }
        Thread.sleep(500); // the server notices the closes
        server.assertServes("127.0.0.73");
        assertEquals(true, server.alive());
    }
}
