package org.tegami.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {

    private final MetricsRegistry registry = new MetricsRegistry();

    @Test
    void countersAddUpAndAreKeptPerLabelValue() {
        Family<Counter> opened = registry.counter("t_opened_total", "Opened.", "listener");
        opened.labels("smtp").inc();
        opened.labels("smtp").add(2);
        opened.labels("imap").inc();

        assertSame(opened.labels("smtp"), opened.labels("smtp"));
        assertEquals(3, MetricValues.value(registry, "t_opened_total", "smtp"));
        assertEquals(1, MetricValues.value(registry, "t_opened_total", "imap"));
    }

    @Test
    void seriesAreListedInLabelOrderAndFamiliesInRegistrationOrder() {
        Family<Counter> c = registry.counter("t_b_total", "B.", "x");
        registry.gauge("t_a", "A.");
        c.labels("zeta").inc();
        c.labels("alpha").inc();

        List<FamilySnapshot> snap = registry.snapshot();
        assertEquals(List.of("t_b_total", "t_a"), snap.stream().map(FamilySnapshot::name).toList());
        assertEquals(List.of(List.of("alpha"), List.of("zeta")),
                snap.get(0).series().stream().map(Series::labelValues).toList());
        assertEquals(List.of(), snap.get(1).series(), "a gauge without series used yet has none");
    }

    @Test
    void gaugesGoUpAndDown() {
        Gauge open = registry.gauge("t_open", "Open.", "listener").labels("pop3");
        open.inc();
        open.inc();
        open.dec();
        assertEquals(1, MetricValues.value(registry, "t_open", "pop3"));
    }

    @Test
    void computedGaugesAreReadAtSnapshotAndNaNWhenTheyThrow() {
        long[] size = {7};
        registry.computedGauge("t_size", "Size.", () -> size[0]);
        registry.computedGauge("t_broken", "Broken.", () -> {
            throw new IllegalStateException("unreadable");
        });
        assertEquals(7, MetricValues.value(registry, "t_size"));
        size[0] = 9;
        assertEquals(9, MetricValues.value(registry, "t_size"));
        assertTrue(Double.isNaN(MetricValues.value(registry, "t_broken")));
    }

    @Test
    void histogramBucketsAreCumulativeWithInclusiveUpperBounds() {
        Histogram h = registry.histogram("t_latency_seconds", "Latency.", new double[] {0.1, 1, 10}).labels();
        h.observe(0.05);
        h.observe(0.1);
        h.observe(0.5);
        h.observe(20);
        h.observe(Double.NaN);

        Series.Distribution d = MetricValues.distribution(registry, "t_latency_seconds");
        assertEquals(List.of(0.1, 1.0, 10.0), d.upperBounds());
        assertEquals(List.of(2L, 3L, 3L, 4L), d.cumulativeCounts());
        assertEquals(4, d.count());
        assertEquals(20.65, d.sum(), 1e-9);
    }

    @Test
    void countsFromManyThreadsAreNotLost() throws Exception {
        Counter c = registry.counter("t_events_total", "Events.").labels();
        Histogram h = registry.histogram("t_h", "H.", new double[] {1}).labels();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    c.inc();
                    h.observe(0.5);
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(40_000, c.value());
        assertEquals(40_000, MetricValues.count(registry, "t_h"));
    }

    @Test
    void rejectsBadNamesLabelsAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> registry.counter("t_no_suffix", "x"));
        assertThrows(IllegalArgumentException.class, () -> registry.gauge("1t", "x"));
        assertThrows(IllegalArgumentException.class, () -> registry.gauge("t-dash", "x"));
        assertThrows(IllegalArgumentException.class, () -> registry.gauge("t_g", "x", "__reserved"));
        assertThrows(IllegalArgumentException.class, () -> registry.gauge("t_g2", "x", "a", "a"));
        assertThrows(IllegalArgumentException.class, () -> registry.histogram("t_h", "x", new double[] {1}, "le"));
        assertThrows(IllegalArgumentException.class, () -> registry.histogram("t_h2", "x", new double[] {2, 1}));
        assertThrows(IllegalArgumentException.class, () -> registry.histogram("t_h3", "x", new double[] {}));
        registry.gauge("t_once", "x");
        assertThrows(IllegalArgumentException.class, () -> registry.gauge("t_once", "x"));
    }

    @Test
    void labelValuesMustMatchTheLabelNames() {
        Family<Counter> c = registry.counter("t_l_total", "x", "a", "b");
        assertThrows(IllegalArgumentException.class, () -> c.labels("only-one"));
        assertThrows(IllegalArgumentException.class, () -> c.labels().inc());
    }

    @Test
    void countersDoNotGoDown() {
        Counter c = registry.counter("t_c_total", "x").labels();
        assertThrows(IllegalArgumentException.class, () -> c.add(-1));
    }

    @Test
    void extensionsGetTheSameCounterAgainAfterAReloadWithItsCounts() {
        ServerMetrics server = new ServerMetrics(registry);
        org.tegami.api.Metrics.CounterFamily first = server.forExtensions()
                .counter("tegami_x_checks_total", "Checks.", "result");
        first.inc("pass");
        first.inc("pass");
        org.tegami.api.Metrics.CounterFamily again = server.forExtensions()
                .counter("tegami_x_checks_total", "Checks.", "result");
        again.inc("pass");
        again.inc("fail");
        String text = server.exposition();
        assertTrue(text.contains("# TYPE tegami_x_checks_total counter\n"), text);
        assertTrue(text.contains("tegami_x_checks_total{result=\"pass\"} 3\n"), text);
        assertTrue(text.contains("tegami_x_checks_total{result=\"fail\"} 1\n"), text);
        assertThrows(IllegalArgumentException.class, () -> again.inc());
    }

    @Test
    void anExtensionCannotTakeANameWithOtherLabelsOrType() {
        ServerMetrics server = new ServerMetrics(registry);
        server.forExtensions().counter("tegami_x_total", "X.", "a");
        assertThrows(IllegalArgumentException.class, () -> server.forExtensions().counter("tegami_x_total", "X.", "b"));
        assertThrows(IllegalArgumentException.class, () -> server.forExtensions().counter("tegami_x_total", "X."));
        assertThrows(IllegalArgumentException.class,
                () -> server.forExtensions().counter("tegami_connections_open", "Taken by a gauge."));
        assertThrows(IllegalArgumentException.class, () -> server.forExtensions().counter("tegami_no_suffix", "X."));
    }
}
