package org.tegami.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.RouteDecision;
import org.tegami.core.spool.Spool;
import org.tegami.core.spool.SpoolTestSupport;

/** Two spool instances with their runners on one directory never deliver a message twice. */
class SharedSpoolTest {

    @TempDir
    Path dir;

    @Test
    void twoInstancesDeliverTwoHundredMessagesExactlyOnce() throws Exception {
        RecordingLocalDelivery local = new RecordingLocalDelivery();
        RoutingEngine routing = new RoutingEngine(() -> List.of(RoutingEngineTest.router(100,
                a -> new RouteDecision.Deliver(a.localPart() + "@localhost"))));
        QueueSettings settings = new QueueSettings(4, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1),
                Duration.ofMinutes(10), Duration.ofMillis(200), Duration.ofSeconds(5));
        Spool a = new Spool(dir, Clock.systemUTC());
        Spool b = new Spool(dir, Clock.systemUTC());
        QueueRunner ra = new QueueRunner(a, routing, local, n -> Optional.empty(), settings, "a.test");
        QueueRunner rb = new QueueRunner(b, routing, local, n -> Optional.empty(), settings, "b.test");
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            ra.start();
            rb.start();
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Spool via = i % 2 == 0 ? a : b;
                int n = i;
                ids.add(senders.submit(() -> SpoolTestSupport.accept(via, "m" + n, "s@example.com", "u" + (n % 7) + "@localhost")));
            }
            for (Future<String> f : ids) {
                f.get();
            }
            long end = System.nanoTime() + 60_000_000_000L;
            while (local.delivered.size() < 200 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // let any second delivery show itself
        } finally {
            senders.shutdown();
            ra.close();
            rb.close();
            a.close();
            b.close();
        }
        assertEquals(List.of(), local.duplicates, "delivered twice");
        assertEquals(200, local.delivered.size());
        assertEquals(200, local.calls.size(), "every message handed to local delivery once");
        try (var q = Files.list(dir.resolve("queue")); var act = Files.list(dir.resolve("active"));
                var msg = Files.list(dir.resolve("msg"))) {
            assertTrue(q.findAny().isEmpty() && act.findAny().isEmpty() && msg.findAny().isEmpty());
        }
    }
}
