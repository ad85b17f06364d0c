package org.tegami.core.metrics;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A count that only goes up, such as connections opened. Lock-free: an increment is one
 * {@link LongAdder} add, so hot paths may call it per message or per connection.
 */
public final class Counter implements SeriesSource {

    private final LongAdder value = new LongAdder();

    public void inc() {
        value.increment();
    }

    /** Adds {@code n}, which must not be negative (counters never go down). */
    public void add(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a counter cannot go down: " + n);
        }
        value.add(n);
    }

    public long value() {
        return value.sum();
    }

    @Override
    public Series read(List<String> labelValues) {
        return new Series.Scalar(labelValues, value.sum());
    }
}
