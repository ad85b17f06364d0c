package org.tegami.core.metrics;

import java.util.List;

/**
 * One time series of a metric family as read at one moment: its label values (in the order of
 * the family's label names) and its value.
 */
public sealed interface Series {

    /** The label values, one per label name of the family. */
    List<String> labelValues();

    /**
     * A counter or gauge reading.
     *
     * @param value the current value; NaN when it could not be read
     */
    record Scalar(List<String> labelValues, double value) implements Series {
        public Scalar {
            labelValues = List.copyOf(labelValues);
        }
    }

    /**
     * A histogram reading.
     *
     * @param upperBounds the finite bucket bounds, ascending ({@code +Inf} is implied)
     * @param cumulativeCounts observations {@code <=} each bound, one more entry for {@code +Inf}
     * @param sum the sum of all observed values
     */
    record Distribution(List<String> labelValues, List<Double> upperBounds, List<Long> cumulativeCounts, double sum)
            implements Series {
        public Distribution {
            labelValues = List.copyOf(labelValues);
            upperBounds = List.copyOf(upperBounds);
            cumulativeCounts = List.copyOf(cumulativeCounts);
            if (cumulativeCounts.size() != upperBounds.size() + 1) {
                throw new IllegalArgumentException("one count per bound plus one for +Inf");
            }
        }

        /** The number of observations (the {@code +Inf} bucket). */
        public long count() {
            return cumulativeCounts.get(cumulativeCounts.size() - 1);
        }
    }
}
