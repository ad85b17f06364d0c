package org.tegami.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tegami.api.ListenerSpec;
import org.tegami.core.metrics.ServerMetrics;

/**
 * A burst of connections larger than Java's default backlog, arriving while the acceptor is
 * busy, waits in the kernel's queue instead of being dropped. Before the backlog followed the
 * connection limit, a burst of 1,000 SMTP and IMAP clients left ~200 of them connected in
 * their own view but never accepted, hanging until their timeout.
 */
class ListenerBacklogIT {

    private static final int BURST = 300;

    @Test
    void burstBeyondTheDefaultBacklogIsQueuedWhileTheAcceptorIsBusy() throws Exception {
        assumeTrue(somaxconn() > BURST, "net.core.somaxconn caps the backlog below the burst");
        CountDownLatch acceptorMayGo = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        List<Socket> accepted = new ArrayList<>();
        Listener listener = new Listener(new EchoHandler(), new ListenerSpec("echo", "127.0.0.1:0", false),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BURST,
                ServerMetrics.unexported().listener("echo"), (l, socket) -> {
                    synchronized (accepted) {
                        accepted.add(socket);
                    }
                    admitted.incrementAndGet();
                    await(acceptorMayGo);
                });
        List<Socket> clients = new ArrayList<>();
        try {
            listener.start();
            for (int i = 0; i < BURST; i++) {
                Socket client = new Socket();
                clients.add(client);
                // A full queue drops the SYN and the kernel retries only after a second.
                client.connect(listener.boundAddress(), 900);
            }
            acceptorMayGo.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (admitted.get() < BURST && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(BURST, admitted.get(), "every connection of the burst reached the admission");
        } finally {
            acceptorMayGo.countDown();
            listener.close();
            for (Socket s : clients) {
                s.close();
            }
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int somaxconn() throws Exception {
        Path file = Path.of("/proc/sys/net/core/somaxconn");
        // readAllLines, not readString: /proc files report size 0 and readString stops short
        return Files.isReadable(file) ? Integer.parseInt(Files.readAllLines(file).get(0).trim()) : 0;
    }
}
