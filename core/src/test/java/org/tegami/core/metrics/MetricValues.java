package org.tegami.core.metrics;

import java.util.List;

/** Reads single values out of a registry, for tests of the code that counts. */
public final class MetricValues {

    private MetricValues() {
    }

    /** The value of a counter or gauge series; fails when the series does not exist. */
    public static double value(MetricsRegistry registry, String name, String... labelValues) {
        Series s = series(registry, name, labelValues);
        if (s instanceof Series.Scalar v) {
            return v.value();
        }
        throw new AssertionError(name + " is a histogram");
    }

    /** The observation count of a histogram series. */
    public static long count(MetricsRegistry registry, String name, String... labelValues) {
        Series s = series(registry, name, labelValues);
        if (s instanceof Series.Distribution d) {
            return d.count();
        }
        throw new AssertionError(name + " is not a histogram");
    }

    /** A histogram series. */
    public static Series.Distribution distribution(MetricsRegistry registry, String name, String... labelValues) {
        return (Series.Distribution) series(registry, name, labelValues);
    }

    private static Series series(MetricsRegistry registry, String name, String... labelValues) {
        List<String> wanted = List.of(labelValues);
        FamilySnapshot family = registry.snapshot().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
        return family.series().stream().filter(s -> s.labelValues().equals(wanted)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + wanted));
    }
}
