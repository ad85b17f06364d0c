package org.tegami.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.OutboundMessage;
import org.tegami.api.Recipient;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;
import org.tegami.api.Transport;
import org.tegami.core.metrics.MetricValues;
import org.tegami.core.metrics.MetricsRegistry;
import org.tegami.core.metrics.ServerMetrics;
import org.tegami.core.spool.DeliveryState;
import org.tegami.core.spool.QueueEntry;
import org.tegami.core.spool.QueueIds;
import org.tegami.core.spool.Spool;
import org.tegami.core.spool.SpoolTestSupport;
import org.tegami.core.spool.TestClock;

class QueueRunnerTest {

    static final QueueSettings SETTINGS = new QueueSettings(2, Duration.ofMinutes(1), Duration.ofMinutes(8),
            Duration.ofHours(5), Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(5));

    @TempDir
    Path dir;
    TestClock clock = new TestClock();
    Spool spool;
    RecordingLocalDelivery local = new RecordingLocalDelivery();
    volatile Map<String, RouteDecision> routes = Map.of();
    List<OutboundMessage> relayed = new CopyOnWriteArrayList<>();
    QueueRunner runner;

    final Router router = RoutingEngineTest.router(100, a -> {
        RouteDecision d = routes.get(a.toString());
        if (d != null) {
            return d;
        }
        return a.domain().equals("localhost") ? new RouteDecision.Deliver(a.localPart() + "@localhost") : RouteDecision.pass();
    });

    final Transport smtp = new Transport() {
        @Override
        public String name() {
            return "smtp";
        }

        @Override
        public List<DeliveryResult> deliver(OutboundMessage message) {
            relayed.add(message);
            return message.recipients().stream()
                    .map(r -> DeliveryResult.delivered(r, Reply.of(250, "2.0.0", "queued as X"))).toList();
        }
    };

    @BeforeEach
    void open() throws Exception {
        spool = new Spool(dir, clock);
        runner = new QueueRunner(spool, new RoutingEngine(() -> List.of(router)), local,
                name -> name.equals("smtp") ? Optional.of(smtp) : Optional.empty(), SETTINGS, "mx.test");
    }

    @AfterEach
    void close() {
        runner.close();
        spool.close();
    }

    private String accept(String sender, String... rcpts) throws Exception {
        return SpoolTestSupport.accept(spool, "test", sender, rcpts);
    }

    private QueueEntry entry(String id) throws Exception {
        return spool.peek(id).orElseThrow();
    }

    @Test
    void countsEachSettledRecipientOnceAndTheLatencyOfEachDelivery() throws Exception {
        MetricsRegistry registry = new MetricsRegistry();
        QueueRunner counted = new QueueRunner(spool, new RoutingEngine(() -> List.of(router)), local,
                name -> name.equals("smtp") ? Optional.of(smtp) : Optional.empty(), SETTINGS, "mx.test",
                new ServerMetrics(registry));
        routes = Map.of("far@remote.example", new RouteDecision.Relay("smtp"),
                "gone@localhost", new RouteDecision.Reject(Reply.of(550, "5.1.1", "user unknown")));
        local.outcome = t -> t.user().startsWith("full") ? DeliveryResult.Status.DEFERRED : DeliveryResult.Status.DELIVERED;
        accept("sender@localhost", "bob@localhost", "far@remote.example", "gone@localhost", "full@localhost");
        clock.advance(Duration.ofSeconds(3));
        counted.runDueNow();

        assertEquals(1, MetricValues.value(registry, "tegami_recipients_total", "delivered"));
        assertEquals(1, MetricValues.value(registry, "tegami_recipients_total", "relayed"));
        assertEquals(1, MetricValues.value(registry, "tegami_recipients_total", "bounced"));
        assertEquals(1, MetricValues.value(registry, "tegami_recipients_total", "deferred"));

        clock.advance(Duration.ofMinutes(1));
        local.outcome = t -> DeliveryResult.Status.DELIVERED;
        counted.runDueNow(); // full@ delivered; the entry is finished and the DSN for gone@ queued
        clock.advance(Duration.ofSeconds(1));
        counted.runDueNow(); // the DSN delivered to sender@

        assertEquals(3, MetricValues.value(registry, "tegami_recipients_total", "delivered"));
        assertEquals(1, MetricValues.value(registry, "tegami_recipients_total", "relayed"));
        assertEquals(1, MetricValues.value(registry, "tegami_recipients_total", "bounced"));
        assertEquals(1, MetricValues.value(registry, "tegami_recipients_total", "deferred"));
        var latency = MetricValues.distribution(registry, "tegami_delivery_latency_seconds");
        assertEquals(4, latency.count());
        assertEquals(3 + 3 + 63 + 1, latency.sum(), 1e-9, "seconds from each entry's arrival");
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 1L, 1L, 3L, 3L, 3L, 3L, 4L, 4L, 4L, 4L), latency.cumulativeCounts());
    }

    @Test
    void deliversLocallyWithAStableKeyAndRemovesTheEntry() throws Exception {
        String id = accept("a@example.com", "bob@localhost");

        runner.runDueNow();

        assertEquals(1, local.calls.size());
        RecordingLocalDelivery.Call call = local.calls.get(0);
        assertTrue(call.key().matches(id + "-[0-9A-F]{12}"), call.key());
        assertTrue(call.key().matches("[A-Za-z0-9_-]+"));
        assertEquals(new RouteDecision.Deliver("bob@localhost"), call.target());
        assertFalse(spool.exists(id));
        assertFalse(Files.exists(dir.resolve("msg").resolve(id)));
    }

    @Test
    void aMessageFileCutShortIsSetAsideNotDelivered() throws Exception {
        String id = accept("a@example.com", "bob@localhost");
        Path msg = dir.resolve("msg").resolve(id);
        assertEquals(Files.size(msg), entry(id).size(), "the envelope records the message size");
        byte[] whole = Files.readAllBytes(msg);
        Files.write(msg, java.util.Arrays.copyOf(whole, whole.length / 2));

        runner.runDueNow();

        assertEquals(List.of(), local.calls, "a damaged message must not be delivered");
        assertFalse(spool.exists(id));
        assertTrue(Files.exists(dir.resolve("corrupt").resolve(id + ".env")));
        assertTrue(Files.exists(dir.resolve("corrupt").resolve(id + ".msg")));
    }

    @Test
    void theExpansionIsPersistedSoARetryDeliversTheSameTargets() throws Exception {
        routes = Map.of("team@localhost", new RouteDecision.Rewrite(List.of(MailAddress.parse("ann@localhost"))));
        local.outcome = t -> DeliveryResult.Status.DEFERRED;
        String id = accept("a@example.com", "team@localhost");
        runner.runDueNow();
        assertEquals(DeliveryState.DEFERRED, entry(id).recipients().get(0).state());

        routes = Map.of("team@localhost", new RouteDecision.Rewrite(List.of(MailAddress.parse("zed@localhost"))));
        local.outcome = t -> DeliveryResult.Status.DELIVERED;
        clock.advance(Duration.ofMinutes(1));
        runner.runDueNow();

        assertEquals(2, local.calls.size());
        assertEquals(local.calls.get(0).key(), local.calls.get(1).key());
        assertEquals("ann@localhost", local.calls.get(1).recipient().toString());
        assertFalse(spool.exists(id));
    }

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() throws Exception {
        local.outcome = t -> DeliveryResult.Status.DEFERRED;
        String id = accept("a@example.com", "bob@localhost");
        List<Long> delays = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            runner.runDueNow();
            QueueEntry e = entry(id);
            assertEquals(attempt, e.recipients().get(0).attempts());
            assertEquals("452 4.2.2 mailbox full", e.recipients().get(0).lastReply());
            delays.add(Duration.between(clock.instant(), e.recipients().get(0).nextTry()).toMinutes());
            clock.advance(Duration.ofSeconds(59));
            runner.runDueNow();
            assertEquals(attempt, local.calls.size(), "not retried before its time");
            clock.set(e.recipients().get(0).nextTry());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 8L, 8L), delays);
    }

    @Test
    void afterMaxAgeEveryPendingRecipientFailsAndOneDsnGoesToTheSender() throws Exception {
        local.outcome = t -> t.user().startsWith("full") ? DeliveryResult.Status.DEFERRED : DeliveryResult.Status.DELIVERED;
        Recipient full = new Recipient(MailAddress.parse("full@localhost"), null, "rfc822;full@localhost");
        Recipient full2 = Recipient.of(MailAddress.parse("full2@localhost"));
        Recipient ok = Recipient.of(MailAddress.parse("ok@localhost"));
        Envelope env = new Envelope(MailAddress.parse("sender@localhost"), List.of(full, full2, ok), Map.of("ENVID", "abc"),
                null);
        String id = spool.accept(env, new ByteArrayInputStream(SpoolTestSupport.message("old")));
        runner.runDueNow();
        clock.advance(Duration.ofHours(5));
        local.outcome = t -> t.user().startsWith("full") ? DeliveryResult.Status.DEFERRED : DeliveryResult.Status.DELIVERED;

        runner.runDueNow();

        assertFalse(spool.exists(id));
        String bounceId = QueueIds.bounceOf(id);
        QueueEntry bounce = entry(bounceId);
        assertTrue(bounce.sender().isNullSender());
        assertEquals("sender@localhost", bounce.recipients().get(0).recipient().address().toString());
        DsnParse.Report report = DsnParse.read(dir.resolve("msg").resolve(bounceId));
        assertEquals("mx.test", report.perMessage().get("reporting-mta").replace("dns; ", ""));
        assertEquals("abc", report.perMessage().get("original-envelope-id"));
        assertEquals(2, report.recipients().size());
        Map<String, String> first = report.recipients().get(0);
        assertEquals("rfc822; full@localhost", first.get("final-recipient"));
        assertEquals("rfc822;full@localhost", first.get("original-recipient"));
        assertEquals("failed", first.get("action"));
        assertEquals("4.2.2", first.get("status"));
        assertEquals("smtp; 452 4.2.2 mailbox full", first.get("diagnostic-code"));
        assertTrue(report.returned().contains("Subject: old"), report.returned());
        assertEquals("message/rfc822", report.returnedType());
    }

    @Test
    void aRejectedRecipientBouncesWithHeadersOnlyWhenRetIsHdrs() throws Exception {
        routes = Map.of("gone@localhost", new RouteDecision.Reject(Reply.of(550, "5.1.1", "user unknown")));
        Envelope env = new Envelope(MailAddress.parse("sender@localhost"), List.of(Recipient.of(MailAddress.parse("gone@localhost"))),
                Map.of("RET", "HDRS"), null);
        String id = spool.accept(env, new ByteArrayInputStream(SpoolTestSupport.message("hdrs")));

        runner.runDueNow();

        DsnParse.Report report = DsnParse.read(dir.resolve("msg").resolve(QueueIds.bounceOf(id)));
        assertEquals("5.1.1", report.recipients().get(0).get("status"));
        assertEquals("smtp; 550 5.1.1 user unknown", report.recipients().get(0).get("diagnostic-code"));
        assertEquals("text/rfc822-headers", report.returnedType());
        assertTrue(report.returned().contains("Subject: hdrs"));
        assertFalse(report.returned().contains("Hello."));
    }

    @Test
    void aNullSenderNeverGetsABounce() throws Exception {
        routes = Map.of("gone@localhost", new RouteDecision.Reject(Reply.of(550, "5.1.1", "user unknown")));
        String id = accept("", "gone@localhost");

        runner.runDueNow();

        assertFalse(spool.exists(id));
        assertTrue(spool.queuedIds().isEmpty(), "no bounce queued");
    }

    @Test
    void relaysAreGroupedByTransportNextHopAndTls() throws Exception {
        routes = Map.of(
                "x@a.example", new RouteDecision.Relay("smtp"),
                "y@b.example", new RouteDecision.Relay("smtp"),
                "z@c.example", new RouteDecision.Relay("smtp", "smarthost:587", true),
                "w@d.example", new RouteDecision.Relay("uucp"));
        String id = accept("a@localhost", "x@a.example", "y@b.example", "z@c.example", "w@d.example");

        runner.runDueNow();

        assertEquals(2, relayed.size());
        assertEquals(List.of(MailAddress.parse("x@a.example"), MailAddress.parse("y@b.example")), relayed.get(0).recipients());
        assertEquals("smarthost:587", relayed.get(1).nextHop());
        assertTrue(relayed.get(1).requireTls());
        QueueEntry e = entry(id);
        assertEquals(DeliveryState.DELIVERED, e.recipients().get(0).state());
        assertEquals(DeliveryState.DEFERRED, e.recipients().get(3).state());
        assertTrue(e.recipients().get(3).lastReply().contains("uucp"), e.recipients().get(3).lastReply());
    }

    @Test
    void discardIsDoneWithoutDelivery() throws Exception {
        routes = Map.of("null@localhost", new RouteDecision.Discard("black hole"));
        String id = accept("a@example.com", "null@localhost");

        runner.runDueNow();

        assertFalse(spool.exists(id));
        assertTrue(local.calls.isEmpty());
        assertTrue(spool.queuedIds().isEmpty());
    }

    @Test
    void startedRunnerDeliversWhatIsAcceptedWithoutWaitingForTheRescan() throws Exception {
        Spool realTime = new Spool(dir, java.time.Clock.systemUTC());
        QueueRunner live = new QueueRunner(realTime, new RoutingEngine(() -> List.of(router)), local,
                name -> Optional.empty(), new QueueSettings(2, Duration.ofMinutes(1), Duration.ofMinutes(8),
                        Duration.ofHours(5), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(5)), "mx.test");
        try {
            live.start();
            String id = SpoolTestSupport.accept(realTime, "live", "a@example.com", "bob@localhost");
            long end = System.nanoTime() + 10_000_000_000L;
            while (realTime.exists(id) && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertFalse(realTime.exists(id));
            assertEquals(1, local.delivered.size());
        } finally {
            live.close();
            realTime.close();
        }
    }

    @Test
    void startedRunnerPicksUpIncomingFilesThroughTheWatch() throws Exception {
        Spool realTime = new Spool(dir, java.time.Clock.systemUTC());
        QueueRunner live = new QueueRunner(realTime, new RoutingEngine(() -> List.of(router)), local,
                name -> Optional.empty(), new QueueSettings(1, Duration.ofMinutes(1), Duration.ofMinutes(8),
                        Duration.ofHours(5), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofSeconds(5)), "mx.test");
        try {
            live.start();
            Path tmp = dir.resolve("tmp/drop");
            Files.writeString(tmp, "X-Envelope-From: <a@example.com>\nX-Envelope-To: <carol@localhost>\nSubject: s\n\nhi\n");
            Files.move(tmp, dir.resolve("incoming/drop"));
            long end = System.nanoTime() + 10_000_000_000L;
            while (local.delivered.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(1, local.delivered.size(), "picked up long before the 5 minute rescan");
            assertEquals("carol@localhost", local.calls.get(0).recipient().toString());
            assertEquals("Subject: s\r\n\r\nhi\r\n", local.calls.get(0).content());
        } finally {
            live.close();
            realTime.close();
        }
    }

    @Test
    void anEntryWhoseMessageVanishedIsMovedAsideAndTheOthersAreDelivered() throws Exception {
        String broken = accept("a@example.com", "bob@localhost");
        String fine = accept("a@example.com", "carol@localhost");
        Files.delete(dir.resolve("msg").resolve(broken));

        runner.runDueNow();

        assertTrue(Files.exists(dir.resolve("corrupt").resolve(broken + ".env")));
        assertFalse(spool.exists(broken));
        assertFalse(spool.exists(fine));
        assertEquals(1, local.delivered.size());
    }
}
