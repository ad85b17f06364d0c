package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.api.ListenerSpec;
import org.tegami.api.TlsProvider;

/**
 * A stop ends the sessions that wait for their next command at once, each with its notice, in
 * plaintext, after STARTTLS and over implicit TLS; a session busy with a command finishes it
 * first. The grace here is long (20 s), so a fast stop can only come from the notice.
 */
class StopNoticeIT {

    private static final Duration GRACE = Duration.ofSeconds(20);
    private static SelfSignedTls tls;

    private final NoticeHandler handler = new NoticeHandler();
    private ListenerHost host;

    @BeforeAll
    static void makeCertificate() throws Exception {
        tls = new SelfSignedTls();
    }

    @AfterEach
    void stopHost() {
        if (host != null) {
            host.stop(Duration.ZERO);
        }
    }

    private int start(boolean implicitTls) throws IOException {
        host = new ListenerHost(NetLimits.DEFAULTS, () -> Optional.<TlsProvider>of(tls));
        host.bind(handler, new ListenerSpec("notice", "127.0.0.1:0", implicitTls),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return host.port("notice");
    }

    private long timedStop() {
        long started = System.nanoTime();
        host.stop(GRACE);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void idleSessionsGetTheNoticeAndTheStopIsQuick() throws Exception {
        int port = start(false);
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                LineClient client = new LineClient(port);
                clients.add(client);
                assertEquals("220 ready", client.readLine());
            }
            clients.get(0).send("HELLO");
            assertEquals("250 HELLO", clients.get(0).readLine());
            long took = timedStop();
            for (LineClient client : clients) {
                assertEquals("421 stopping", client.readLine());
                assertTrue(client.closedByServer());
            }
            assertTrue(took < 2_000, "stop took " + took + " ms");
        } finally {
            for (LineClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void aBusySessionFinishesItsCommandThenGetsTheNotice() throws Exception {
        int port = start(false);
        try (LineClient busy = new LineClient(port); LineClient idle = new LineClient(port)) {
            assertEquals("220 ready", busy.readLine());
            assertEquals("220 ready", idle.readLine());
            busy.send("SLOW 1000");
            Thread.sleep(100);
            CompletableFuture<Long> stopping = CompletableFuture.supplyAsync(this::timedStop);
            assertEquals("421 stopping", idle.readLine());
            assertFalse(stopping.isDone(), "the stop waits for the busy session");
            assertEquals("250 done", busy.readLine());
            assertEquals("421 stopping", busy.readLine());
            long took = stopping.get(5, TimeUnit.SECONDS);
            assertTrue(took < 3_000, "stop took " + took + " ms");
        }
    }

    @Test
    void aCommandThatHasBegunToArriveIsNotCut() throws Exception {
        int port = start(false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 ready", client.readLine());
            client.sendRaw("PART");
            Thread.sleep(100);
            CompletableFuture<Long> stopping = CompletableFuture.supplyAsync(this::timedStop);
            Thread.sleep(300);
            assertFalse(stopping.isDone(), "half a command is a command under way");
            client.sendRaw("IAL\r\n");
            assertEquals("250 PARTIAL", client.readLine());
            assertEquals("421 stopping", client.readLine());
            stopping.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void implicitTlsSessionsGetTheNotice() throws Exception {
        int port = start(true);
        try (LineClient client = LineClient.tls(port, tls.clientContext())) {
            assertEquals("220 ready", client.readLine());
            long took = timedStop();
            assertEquals("421 stopping", client.readLine());
            assertTrue(client.closedByServer());
            assertTrue(took < 2_000, "stop took " + took + " ms");
        }
    }

    @Test
    void startTlsSessionsGetTheNotice() throws Exception {
        int port = start(false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 ready", client.readLine());
            client.send("STARTTLS");
            assertEquals("220 go ahead", client.readLine());
            client.upgrade(tls.clientContext());
            client.send("HELLO");
            assertEquals("250 HELLO", client.readLine());
            long took = timedStop();
            assertEquals("421 stopping", client.readLine());
            assertTrue(took < 2_000, "stop took " + took + " ms");
        }
    }

    /**
     * TLS 1.2 cannot be woken from outside without losing the notice (its close is duplex): an
     * idle TLS 1.2 session is closed at once without it, and does not hold the stop.
     */
    @Test
    void tls12SessionsAreClosedAtOnceWithoutTheNotice() throws Exception {
        int port = start(true);
        try (LineClient client = new LineClient(port)) {
            client.upgrade(tls.clientContext(), "TLSv1.2");
            assertEquals("220 ready", client.readLine());
            client.send("HELLO");
            assertEquals("250 HELLO", client.readLine());
            // Let the session go back to its wait: stopped before that, it would send the notice
            // at its next wait, which it can under TLS 1.2 too.
            Thread.sleep(300);
            long took = timedStop();
            String after;
            try {
                after = client.readLine();
            } catch (IOException e) {
                after = null; // reset: closed all the same
            }
            assertNull(after, "closed without a notice");
            assertTrue(took < 2_000, "stop took " + took + " ms");
        }
    }

    @Test
    void unbindingAMovedListenerEndsItsIdleSessionsWithTheNotice() throws Exception {
        int port = start(false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 ready", client.readLine());
            long started = System.nanoTime();
            host.unbind("notice", GRACE);
            assertEquals("421 stopping", client.readLine());
            assertTrue(client.closedByServer());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2));
        }
    }
}
