/**
 * Operational metrics in the Prometheus text exposition format 0.0.4: a lock-free registry of
 * counters, gauges and histograms ({@link org.tegami.core.metrics.MetricsRegistry}), a pure text
 * encoder ({@link org.tegami.core.metrics.TextEncoder}), the HTTP endpoint that serves it
 * ({@link org.tegami.core.metrics.MetricsExporter}), and the catalogue of the server's own
 * {@code tegami_*} metrics ({@link org.tegami.core.metrics.ServerMetrics}, listed in
 * {@code docs/metrics.md}). Counting happens always (a {@code LongAdder} increment); the
 * endpoint runs only when {@code metrics.listen} is set.
 */
package org.tegami.core.metrics;
