package org.tegami.core.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts observations into fixed buckets, like delivery latencies. Lock-free: an observation
 * is a binary search over the bounds plus two adder increments. A scrape that runs during an
 * observation may see the bucket and the sum of that observation apart; the next scrape sees
 * both, which is what Prometheus clients accept as well.
 */
public final class Histogram implements SeriesSource {

    private final double[] bounds;
    /** Per bucket, not cumulative; the last one is {@code +Inf}. */
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();

    /** @param bounds finite upper bounds, strictly ascending */
    Histogram(double[] bounds) {
        this.bounds = bounds.clone();
        this.buckets = new LongAdder[bounds.length + 1];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Checks bucket bounds: at least one, finite, strictly ascending. */
    static double[] checkBounds(double[] bounds) {
        if (bounds.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bucket bound");
        }
        for (int i = 0; i < bounds.length; i++) {
            if (!Double.isFinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must be finite and ascending: "
                        + Arrays.toString(bounds));
            }
        }
        return bounds.clone();
    }

    /** Records one value; NaN is ignored. */
    public void observe(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        // Bucket i counts bounds[i-1] < value <= bounds[i] ("le" is inclusive).
        int i = Arrays.binarySearch(bounds, value);
        int bucket = i >= 0 ? i : -i - 1;
        buckets[bucket].increment();
        sum.add(value);
    }

    @Override
    public Series read(List<String> labelValues) {
        List<Double> upper = new ArrayList<>(bounds.length);
        for (double b : bounds) {
            upper.add(b);
        }
        List<Long> cumulative = new ArrayList<>(buckets.length);
        long running = 0;
        for (LongAdder b : buckets) {
            running += b.sum();
            cumulative.add(running);
        }
        return new Series.Distribution(labelValues, upper, cumulative, sum.sum());
    }
}
