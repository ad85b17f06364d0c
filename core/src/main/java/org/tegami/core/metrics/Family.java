package org.tegami.core.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One named metric and its series, one per combination of label values. Get a series once
 * with {@link #labels} and keep it: the lookup is a map access, the increment on the series
 * is lock-free. Thread-safe.
 *
 * @param <T> the series type: {@link Counter}, {@link Gauge} or {@link Histogram}
 */
public final class Family<T extends SeriesSource> {

    private static final Comparator<List<String>> BY_VALUES = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final String name;
    private final String help;
    private final MetricType type;
    private final List<String> labelNames;
    private final Supplier<T> factory;
    private final Map<List<String>, T> series = new ConcurrentHashMap<>();

    Family(String name, String help, MetricType type, List<String> labelNames, Supplier<T> factory) {
        this.name = name;
        this.help = help;
        this.type = type;
        this.labelNames = List.copyOf(labelNames);
        this.factory = factory;
    }

    public String name() {
        return name;
    }

    MetricType type() {
        return type;
    }

    List<String> labelNames() {
        return labelNames;
    }

    /**
     * The series for these label values (one per label name, in order), made on first use.
     *
     * @throws IllegalArgumentException when the number of values does not match the names
     */
    public T labels(String... values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes " + labelNames.size() + " label value(s), got "
                    + values.length);
        }
        List<String> key = List.of(values);
        T existing = series.get(key);
        return existing != null ? existing : series.computeIfAbsent(key, k -> factory.get());
    }

    FamilySnapshot snapshot() {
        List<List<String>> keys = new ArrayList<>(series.keySet());
        keys.sort(BY_VALUES);
        List<Series> read = new ArrayList<>(keys.size());
        for (List<String> k : keys) {
            read.add(series.get(k).read(k));
        }
        return new FamilySnapshot(name, help, type, labelNames, read);
    }
}
