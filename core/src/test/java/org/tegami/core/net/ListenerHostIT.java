package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.api.ListenerSpec;
import org.tegami.api.TlsProvider;

class ListenerHostIT {

    private static SelfSignedTls tls;

    private final EchoHandler handler = new EchoHandler();
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

    private int start(NetLimits limits, boolean implicitTls) throws IOException {
        host = new ListenerHost(limits, () -> Optional.<TlsProvider>of(tls));
        host.bind(handler, new ListenerSpec("echo", "127.0.0.1:0", implicitTls),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return host.port("echo");
    }

    private static NetLimits limits(int total, int perIp, Duration idle) {
        return new NetLimits(total, perIp, idle, Duration.ofMillis(500));
    }

    @Test
    void servesLinesAndMultiLineReplies() throws Exception {
        int port = start(NetLimits.DEFAULTS, false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            client.send("HELLO");
            assertEquals("250 HELLO", client.readLine());
            client.send("MULTI");
            assertEquals("250-one", client.readLine());
            assertEquals("250-two", client.readLine());
            assertEquals("250 three", client.readLine());
            client.send("INFO");
            assertEquals("250 secure=false none loopback=true", client.readLine());
            client.send("QUIT");
            assertEquals("221 bye", client.readLine());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void refusesConnectionsOverTheTotalLimitWithTheBusyLine() throws Exception {
        int port = start(limits(2, 10, Duration.ofSeconds(10)), false);
        try (LineClient first = new LineClient(port); LineClient second = new LineClient(port)) {
            assertEquals("220 echo ready", first.readLine());
            assertEquals("220 echo ready", second.readLine());
            try (LineClient third = new LineClient(port)) {
                assertEquals("421 busy", third.readLine());
                assertTrue(third.closedByServer());
            }
            first.send("QUIT");
            assertEquals("221 bye", first.readLine());
            awaitOpenConnections(1);
            try (LineClient fourth = new LineClient(port)) {
                assertEquals("220 echo ready", fourth.readLine());
            }
        }
    }

    @Test
    void refusesConnectionsOverThePerAddressLimitButAdmitsOtherAddresses() throws Exception {
        int port = start(limits(10, 1, Duration.ofSeconds(10)), false);
        try (LineClient first = new LineClient(port)) {
            assertEquals("220 echo ready", first.readLine());
            try (LineClient again = new LineClient(port)) {
                assertEquals("421 busy", again.readLine());
            }
            // Linux routes all of 127.0.0.0/8 to loopback: another source address is another client.
            try (LineClient other = new LineClient(port, InetAddress.getByName("127.0.0.2"))) {
                assertEquals("220 echo ready", other.readLine());
            }
        }
    }

    @Test
    void closesIdleConnections() throws Exception {
        int port = start(limits(10, 10, Duration.ofMillis(300)), false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            long started = System.nanoTime();
            client.setReadTimeout(5000);
            assertTrue(client.closedByServer());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4));
        }
        awaitOpenConnections(0);
    }

    @Test
    void endsASessionWhoseClientStopsReading() throws Exception {
        int port = start(limits(10, 10, Duration.ofMillis(300)), false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            client.send("FLOOD");
            // Never read: the send buffers fill and the write must time out.
            awaitOpenConnections(0);
        }
    }

    @Test
    void aClientThatReadsNothingIsCutOffAtTheWriteTimeoutBeforeItsIdleTimeout() throws Exception {
        // Reads may wait 10 minutes (as IMAP IDLE may), one write at most 300 ms.
        int port = start(new NetLimits(10, 10, Duration.ofMinutes(10), Duration.ofMillis(500), Duration.ofMillis(300)),
                false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            client.send("FLOOD");
            // Never read: cut off within the 3 s this waits, not after the 10 minutes.
            awaitOpenConnections(0);
        }
    }

    @Test
    void runsSessionsOnVirtualThreadsWhenTheRuntimeHasThem() throws Exception {
        boolean expected = Runtime.version().feature() >= 21;
        assertEquals(expected, ListenerHost.usesVirtualThreads());
        int port = start(NetLimits.DEFAULTS, false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            client.send("THREAD");
            String thread = client.readLine();
            assertEquals(expected, thread.startsWith("250 VirtualThread"), thread);
        }
    }

    @Test
    void speaksImplicitTls() throws Exception {
        int port = start(NetLimits.DEFAULTS, true);
        try (LineClient client = LineClient.tls(port, tls.clientContext())) {
            assertEquals("220 echo ready", client.readLine());
            client.send("INFO");
            String info = client.readLine();
            assertTrue(info.startsWith("250 secure=true TLSv1."), info);
        }
    }

    @Test
    void closesAStalledTlsHandshake() throws Exception {
        int port = start(limits(10, 10, Duration.ofSeconds(30)), true);
        try (LineClient silent = new LineClient(port)) {
            long started = System.nanoTime();
            assertTrue(silent.closedByServer());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4));
        }
        awaitOpenConnections(0);
    }

    @Test
    void startTlsDiscardsPipelinedPlaintext() throws Exception {
        int port = start(NetLimits.DEFAULTS, false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            client.sendRaw("STARTTLS\r\nINJECTED\r\n");
            assertEquals("220 go ahead", client.readLine());
            client.upgrade(tls.clientContext());
            client.send("INFO");
            assertTrue(client.readLine().startsWith("250 secure=true"));
            client.send("QUIT");
            assertEquals("221 bye", client.readLine());
        }
        assertFalse(handler.linesSeen.contains("INJECTED"), handler.linesSeen.toString());
        assertEquals(java.util.List.of("STARTTLS", "INFO", "QUIT"), handler.linesSeen);
        assertEquals(java.util.List.of("INJECTED\r\n".length()), handler.discarded);
    }

    @Test
    void gracefulStopWaitsForSessionsToEnd() throws Exception {
        int port = start(NetLimits.DEFAULTS, false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> host.stop(Duration.ofSeconds(10)));
            Thread.sleep(200);
            assertFalse(stopping.isDone(), "stop must wait for the open session");
            assertThrows(IOException.class, () -> new LineClient(port).close(), "no new connections while stopping");
            client.send("QUIT");
            assertEquals("221 bye", client.readLine());
            stopping.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void gracefulStopClosesSessionsLeftAfterTheGraceTime() throws Exception {
        int port = start(NetLimits.DEFAULTS, false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            long started = System.nanoTime();
            host.stop(Duration.ofMillis(300));
            long took = System.nanoTime() - started;
            assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(300) && took < TimeUnit.SECONDS.toNanos(3));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void closesImplicitTlsConnectionsWithoutAProvider() throws Exception {
        host = new ListenerHost(NetLimits.DEFAULTS, Optional::empty);
        host.bind(handler, new ListenerSpec("echos", "127.0.0.1:0", true),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (LineClient client = new LineClient(host.port("echos"))) {
            assertNull(client.readLine());
        }
    }

    @Test
    void unbindClosesOneHandlersListenersAndSessions() throws Exception {
        int port = start(NetLimits.DEFAULTS, false);
        EchoHandler other = new EchoHandler();
        host.bind(other, new ListenerSpec("other", "127.0.0.1:0", false),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int otherPort = host.port("other");
        try (LineClient client = new LineClient(port); LineClient stays = new LineClient(otherPort)) {
            assertEquals("220 echo ready", client.readLine());
            assertEquals("220 echo ready", stays.readLine());
            host.unbind(handler, Duration.ofMillis(100));
            assertTrue(client.closedByServer());
            assertThrows(IOException.class, () -> new LineClient(port).close());
            stays.send("STILL");
            assertEquals("250 STILL", stays.readLine());
            assertEquals(java.util.Set.of("other"), host.boundAddresses().keySet());
        }
    }

    /**
     * TCP_NODELAY plus one write per reply: a multi-line reply must not wait for a delayed ACK
     * (~40 ms each), so 200 exchanges take a fraction of the 8 s they would with that stall.
     */
    @Test
    void multiLineRepliesDoNotStall() throws Exception {
        int port = start(NetLimits.DEFAULTS, false);
        try (LineClient client = new LineClient(port)) {
            assertEquals("220 echo ready", client.readLine());
            long started = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                client.send("MULTI");
                client.readLine();
                client.readLine();
                assertEquals("250 three", client.readLine());
            }
            long micros = (System.nanoTime() - started) / 1000;
            System.out.printf("200 multi-line exchanges: %d us, %d us each%n", micros, micros / 200);
            assertTrue(micros < 4_000_000, micros + " us");
        }
    }

    private void awaitOpenConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (host.openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, host.openConnections());
    }
}
