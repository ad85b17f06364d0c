package org.tegami.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextEncoderTest {

    @Test
    void encodesCountersGaugesAndHistogramsExactly() {
        MetricsRegistry registry = new MetricsRegistry();
        Family<Counter> opened = registry.counter("tegami_connections_opened_total", "Connections admitted.", "listener");
        opened.labels("smtp").add(3);
        opened.labels("imap").inc();
        registry.gauge("tegami_connections_open", "Open now.", "listener").labels("smtp").inc();
        registry.computedGauge("tegami_uptime_seconds", "Seconds up.", () -> 12.5);
        Histogram h = registry.histogram("tegami_delivery_latency_seconds", "Latency.", new double[] {0.01, 1, 600})
                .labels();
        h.observe(0.005);
        h.observe(0.5);
        h.observe(0.25);

        assertEquals("""
                # HELP tegami_connections_opened_total Connections admitted.
                # TYPE tegami_connections_opened_total counter
                tegami_connections_opened_total{listener="imap"} 1
                tegami_connections_opened_total{listener="smtp"} 3
                # HELP tegami_connections_open Open now.
                # TYPE tegami_connections_open gauge
                tegami_connections_open{listener="smtp"} 1
                # HELP tegami_uptime_seconds Seconds up.
                # TYPE tegami_uptime_seconds gauge
                tegami_uptime_seconds 12.5
                # HELP tegami_delivery_latency_seconds Latency.
                # TYPE tegami_delivery_latency_seconds histogram
                tegami_delivery_latency_seconds_bucket{le="0.01"} 1
                tegami_delivery_latency_seconds_bucket{le="1"} 3
                tegami_delivery_latency_seconds_bucket{le="600"} 3
                tegami_delivery_latency_seconds_bucket{le="+Inf"} 3
                tegami_delivery_latency_seconds_sum 0.755
                tegami_delivery_latency_seconds_count 3
                """, TextEncoder.encode(registry.snapshot()));
    }

    @Test
    void histogramLabelsComeBeforeLe() {
        FamilySnapshot f = new FamilySnapshot("t_seconds", "T.", MetricType.HISTOGRAM, List.of("kind"),
                List.of(new Series.Distribution(List.of("relay"), List.of(1.0), List.of(0L, 2L), 7)));
        assertEquals("""
                # HELP t_seconds T.
                # TYPE t_seconds histogram
                t_seconds_bucket{kind="relay",le="1"} 0
                t_seconds_bucket{kind="relay",le="+Inf"} 2
                t_seconds_sum{kind="relay"} 7
                t_seconds_count{kind="relay"} 2
                """, TextEncoder.encode(List.of(f)));
    }

    @Test
    void escapesLabelValuesAndHelpAsTheFormatSays() {
        FamilySnapshot f = new FamilySnapshot("t_total", "Counts \\ things\nover two lines \"quoted\"",
                MetricType.COUNTER, List.of("name", "other"),
                List.of(new Series.Scalar(List.of("a\\b \"c\"\nd", "plain"), 1)));
        assertEquals("# HELP t_total Counts \\\\ things\\nover two lines \"quoted\"\n"
                + "# TYPE t_total counter\n"
                + "t_total{name=\"a\\\\b \\\"c\\\"\\nd\",other=\"plain\"} 1\n", TextEncoder.encode(List.of(f)));
    }

    @Test
    void familiesWithoutSeriesStillSayWhatTheyAre() {
        FamilySnapshot f = new FamilySnapshot("t_open", "Open.", MetricType.GAUGE, List.of("listener"), List.of());
        assertEquals("# HELP t_open Open.\n# TYPE t_open gauge\n", TextEncoder.encode(List.of(f)));
    }

    @Test
    void numbersAreWrittenAsGoParsesThem() {
        assertEquals("0", TextEncoder.number(0));
        assertEquals("0", TextEncoder.number(-0.0));
        assertEquals("42", TextEncoder.number(42));
        assertEquals("-3", TextEncoder.number(-3));
        assertEquals("0.025", TextEncoder.number(0.025));
        assertEquals("1.5E20", TextEncoder.number(1.5e20));
        assertEquals("NaN", TextEncoder.number(Double.NaN));
        assertEquals("+Inf", TextEncoder.number(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", TextEncoder.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void nothingRegisteredIsEmptyText() {
        assertEquals("", TextEncoder.encode(new MetricsRegistry().snapshot()));
    }
}
