package org.tegami.core.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.Envelope;
import org.tegami.core.metrics.MessageSource;
import org.tegami.core.metrics.MetricValues;
import org.tegami.core.metrics.MetricsRegistry;
import org.tegami.core.metrics.ServerMetrics;

class SpoolTest {

    @TempDir
    Path dir;
    TestClock clock = new TestClock();
    Spool spool;

    @BeforeEach
    void open() throws Exception {
        spool = new Spool(dir, clock);
    }

    @AfterEach
    void close() {
        spool.close();
    }

    @Test
    void acceptLeavesMessageAndEnvelopeInPlaceAndNothingInTmp() throws Exception {
        String id = spool.accept(SpoolTestSupport.envelope("a@example.com", "b@localhost", "c@localhost"),
                new ByteArrayInputStream(SpoolTestSupport.message("hi")));

        assertTrue(QueueIds.VALID.matcher(id).matches(), id);
        assertArrayEquals(SpoolTestSupport.message("hi"), Files.readAllBytes(dir.resolve("msg").resolve(id)));
        QueueEntry e = spool.peek(id).orElseThrow();
        assertEquals("a@example.com", e.sender().toString());
        assertEquals(2, e.recipients().size());
        assertEquals(DeliveryState.PENDING, e.recipients().get(0).state());
        assertEquals(clock.instant(), e.arrival());
        try (var s = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void countsAcceptedMessagesBySource(@TempDir Path other) throws Exception {
        MetricsRegistry registry = new MetricsRegistry();
        Spool counted = new Spool(other, clock, new ServerMetrics(registry));
        try {
            Envelope local = SpoolTestSupport.envelope("a@example.com", "b@localhost");
            Envelope smtp = new Envelope(local.sender(), local.recipients(), java.util.Map.of(),
                    new Envelope.Origin("ESMTPSA", "client.example", "192.0.2.1", "a"));
            counted.accept(smtp, new ByteArrayInputStream(SpoolTestSupport.message("s")));
            counted.accept(local, new ByteArrayInputStream(SpoolTestSupport.message("o")));
            counted.acceptOnce(QueueIds.bounceOf("X0000000"), local, new ByteArrayInputStream(new byte[0]),
                    MessageSource.BOUNCE);
            assertFalse(counted.acceptOnce(QueueIds.bounceOf("X0000000"), local, new ByteArrayInputStream(new byte[0]),
                    MessageSource.BOUNCE), "a second, refused acceptOnce counts nothing");
            Files.writeString(other.resolve("incoming/drop"), "To: b@localhost\n\nhi\n");
            assertEquals(1, counted.pickUpIncoming(java.time.Duration.ofMinutes(10)));
        } finally {
            counted.close();
        }
        assertEquals(1, MetricValues.value(registry, "tegami_messages_accepted_total", "smtp"));
        assertEquals(1, MetricValues.value(registry, "tegami_messages_accepted_total", "other"));
        assertEquals(1, MetricValues.value(registry, "tegami_messages_accepted_total", "bounce"));
        assertEquals(1, MetricValues.value(registry, "tegami_messages_accepted_total", "incoming"));
    }

    @Test
    void concurrentAcceptsShareGroupCommits() throws Exception {
        int threads = 32;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    ids.add(SpoolTestSupport.accept(spool, "m" + i, "a@example.com", "b@localhost"));
                }
                return ids;
            }));
        }
        start.countDown();
        Set<String> all = new HashSet<>();
        for (Future<List<String>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();

        assertEquals(threads * each, all.size());
        assertEquals(all, new HashSet<>(spool.queuedIds()));
        for (String id : all) {
            assertTrue(Files.exists(dir.resolve("msg").resolve(id)));
        }
        assertTrue(spool.commitBatches() < threads * each,
                "batches " + spool.commitBatches() + " should be fewer than accepts " + threads * each);
    }

    @Test
    void corruptEntryIsMovedAsideAndTheRestStillWorks() throws Exception {
        String good = SpoolTestSupport.accept(spool, "good", "a@example.com", "b@localhost");
        Files.writeString(dir.resolve("queue/DEADBEEF00"), "tegami-queue\t1\nid\tDEADBEEF00\nsender\tnot an address\n");
        Files.writeString(dir.resolve("msg/DEADBEEF00"), "Subject: x\r\n\r\n");

        assertEquals(Optional.empty(), spool.peek("DEADBEEF00"));

        assertTrue(Files.exists(dir.resolve("corrupt/DEADBEEF00.env")));
        assertTrue(Files.exists(dir.resolve("corrupt/DEADBEEF00.msg")));
        assertFalse(Files.exists(dir.resolve("queue/DEADBEEF00")));
        assertTrue(spool.claim(good).isPresent());
    }

    @Test
    void onlyOneClaimWins() throws Exception {
        String id = SpoolTestSupport.accept(spool, "x", "a@example.com", "b@localhost");
        try (Spool other = new Spool(dir, clock)) {
            assertTrue(spool.claim(id).isPresent());
            assertTrue(other.claim(id).isEmpty());
            assertTrue(spool.claim(id).isEmpty());
        }
        assertTrue(Files.exists(dir.resolve("active").resolve(id)));
    }

    @Test
    void releasedEntryKeepsItsStateAndFinishedEntryIsGone() throws Exception {
        String id = SpoolTestSupport.accept(spool, "x", "a@example.com", "b@localhost");
        SpoolClaim claim = spool.claim(id).orElseThrow();
        QueueEntry deferred = claim.entry().withRecipient(0,
                r -> r.withState(DeliveryState.DEFERRED, 1, "451 4.2.0 later", clock.instant().plusSeconds(60)));
        claim.release(deferred);
        assertEquals(deferred, spool.peek(id).orElseThrow());

        spool.claim(id).orElseThrow().finish();
        assertFalse(spool.exists(id));
        assertFalse(Files.exists(dir.resolve("msg").resolve(id)));
    }

    @Test
    void aWorkingClaimRenewsItsLeaseSoRecoveryLeavesItAlone() throws Exception {
        String id = SpoolTestSupport.accept(spool, "x", "a@example.com", "b@localhost");
        SpoolClaim claim = spool.claim(id).orElseThrow();
        clock.advance(java.time.Duration.ofMinutes(8));
        claim.refreshLease();
        clock.advance(java.time.Duration.ofMinutes(8));

        spool.recover(java.time.Duration.ofMinutes(10));
        assertEquals(List.of(id), spool.activeIds());

        clock.advance(java.time.Duration.ofMinutes(3));
        spool.recover(java.time.Duration.ofMinutes(10));
        assertEquals(List.of(id), spool.queuedIds(), "no renewal for over a lease: taken back");
    }

    @Test
    void theOperatorCannotDeleteAnEntryBeingDelivered() throws Exception {
        String id = SpoolTestSupport.accept(spool, "x", "a@example.com", "b@localhost");
        SpoolAdmin admin = new SpoolAdmin(spool);
        spool.claim(id).orElseThrow();

        assertEquals(SpoolAdmin.DeleteResult.BUSY, admin.delete(id));
        assertEquals(SpoolAdmin.DeleteResult.NOT_FOUND, admin.delete("0000000000000000"));
        assertEquals(SpoolAdmin.DeleteResult.NOT_FOUND, admin.delete("../etc/passwd"));
        assertEquals(1, admin.list().size());
        assertTrue(admin.list().get(0).claimed());
    }
}
