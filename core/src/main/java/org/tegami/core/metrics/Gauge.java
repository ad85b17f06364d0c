package org.tegami.core.metrics;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A whole number that goes up and down, such as open connections. Lock-free like
 * {@link Counter}. Values computed at scrape time instead (queue size, heap) are registered
 * with {@link MetricsRegistry#gauge(String, String, java.util.function.DoubleSupplier)}.
 */
public final class Gauge implements SeriesSource {

    private final LongAdder value = new LongAdder();

    public void inc() {
        value.increment();
    }

    public void dec() {
        value.decrement();
    }

    public long value() {
        return value.sum();
    }

    @Override
    public Series read(List<String> labelValues) {
        return new Series.Scalar(labelValues, value.sum());
    }
}
