package org.tegami.core.metrics;

import java.util.Locale;

/** The metric types of the text format used here, as written after {@code # TYPE}. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM;

    /** The lower-case name the format uses. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
