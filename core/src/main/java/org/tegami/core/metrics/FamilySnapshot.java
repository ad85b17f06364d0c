package org.tegami.core.metrics;

import java.util.List;

/**
 * A metric family as read at one moment: what {@link TextEncoder} turns into text.
 *
 * @param name the metric name ({@code _total} included for counters)
 * @param help one line saying what it counts
 * @param type counter, gauge or histogram
 * @param labelNames the label names of every series, in order
 * @param series the series, sorted by label values
 */
public record FamilySnapshot(String name, String help, MetricType type, List<String> labelNames, List<Series> series) {

    public FamilySnapshot {
        labelNames = List.copyOf(labelNames);
        series = List.copyOf(series);
    }
}
