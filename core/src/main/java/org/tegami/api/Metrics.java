package org.tegami.api;

/**
 * Counters an extension adds to the metrics endpoint ({@code metrics.listen}, Prometheus text
 * format), next to the core's. Counting never blocks. Thread-safe.
 */
public interface Metrics {

    /** Counts nothing: a context without metrics (tests, embedding). */
    Metrics NONE = (name, help, labelNames) -> labelValues -> { };

    /**
     * A counter family, registered at the first call. A new instance of the extension (after a
     * reload) that asks for the same name with the same labels gets the same family, counts
     * included.
     *
     * @param name a Prometheus metric name ending in {@code _total}; by convention
     *     {@code tegami_<plugin id>_...}
     * @param help one line saying what is counted
     * @param labelNames the label names, possibly none; keep the values to a small set
     * @throws IllegalArgumentException for a bad name or label, or a name already used otherwise
     */
    CounterFamily counter(String name, String help, String... labelNames);

    /** A counter per combination of label values. */
    @FunctionalInterface
    interface CounterFamily {

        /**
         * Adds one to the counter of these label values, one per label name.
         *
         * @throws IllegalArgumentException when the number of values does not match the names
         */
        void inc(String... labelValues);
    }
}
