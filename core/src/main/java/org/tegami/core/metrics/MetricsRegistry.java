package org.tegami.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.regex.Pattern;

/**
 * Named metric families, each registered once, and a {@link #snapshot()} of all of them in
 * registration order. Names and label names follow the Prometheus data model; counter names
 * end in {@code _total}. Registration is rare and may lock; counting never does. Thread-safe.
 */
public final class MetricsRegistry {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Map<String, Family<?>> byName = new ConcurrentHashMap<>();
    private final List<Family<?>> families = new CopyOnWriteArrayList<>();

    /** A counter family; its name must end in {@code _total}. */
    public Family<Counter> counter(String name, String help, String... labelNames) {
        if (!name.endsWith("_total")) {
            throw new IllegalArgumentException("counter names end in _total: " + name);
        }
        return register(new Family<>(name, help, MetricType.COUNTER, checkLabels(name, labelNames, false),
                Counter::new));
    }

    /**
     * The counter family of this name: the one registered before if its labels are the same
     * (an extension's new instance after a reload), else a new one.
     *
     * @throws IllegalArgumentException when the name is taken by another type or other labels
     */
    public synchronized Family<Counter> sharedCounter(String name, String help, String... labelNames) {
        Family<?> existing = byName.get(name);
        if (existing == null) {
            return counter(name, help, labelNames);
        }
        if (existing.type() != MetricType.COUNTER || !existing.labelNames().equals(List.of(labelNames))) {
            throw new IllegalArgumentException("metric " + name + " is already registered with another type or labels");
        }
        @SuppressWarnings("unchecked")
        Family<Counter> counter = (Family<Counter>) existing;
        return counter;
    }

    /** A family of gauges that the code moves up and down. */
    public Family<Gauge> gauge(String name, String help, String... labelNames) {
        return register(new Family<>(name, help, MetricType.GAUGE, checkLabels(name, labelNames, false), Gauge::new));
    }

    /**
     * A histogram family.
     *
     * @param bounds the finite bucket upper bounds, strictly ascending ({@code +Inf} is added)
     */
    public Family<Histogram> histogram(String name, String help, double[] bounds, String... labelNames) {
        double[] checked = Histogram.checkBounds(bounds);
        return register(new Family<>(name, help, MetricType.HISTOGRAM, checkLabels(name, labelNames, true),
                () -> new Histogram(checked)));
    }

    /**
     * A gauge without labels whose value is computed at every scrape. The supplier runs on the
     * scraping thread and should be cheap (cache what is costly); if it throws, the value is NaN.
     */
    public void computedGauge(String name, String help, DoubleSupplier value) {
        SeriesSource computed = labelValues -> new Series.Scalar(labelValues, compute(value));
        register(new Family<>(name, help, MetricType.GAUGE, List.of(), () -> computed)).labels();
    }

    private static double compute(DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Every family as it is now, in registration order. */
    public List<FamilySnapshot> snapshot() {
        List<FamilySnapshot> out = new ArrayList<>(families.size());
        for (Family<?> f : families) {
            out.add(f.snapshot());
        }
        return out;
    }

    private synchronized <T extends SeriesSource> Family<T> register(Family<T> family) {
        String name = family.name();
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        if (byName.putIfAbsent(name, family) != null) {
            throw new IllegalArgumentException("metric registered twice: " + name);
        }
        families.add(family);
        return family;
    }

    private static List<String> checkLabels(String metric, String[] labelNames, boolean histogram) {
        List<String> names = List.of(labelNames);
        for (String l : names) {
            // Names starting with __ are reserved for Prometheus itself; "le" names histogram buckets.
            if (!LABEL_NAME.matcher(l).matches() || l.startsWith("__") || (histogram && l.equals("le"))) {
                throw new IllegalArgumentException(metric + ": not a label name: " + l);
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException(metric + ": a label name is given twice");
        }
        return names;
    }
}
