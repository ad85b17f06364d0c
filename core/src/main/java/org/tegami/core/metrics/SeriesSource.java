package org.tegami.core.metrics;

import java.util.List;

/** Something the registry can read into a {@link Series} at scrape time. */
interface SeriesSource {

    Series read(List<String> labelValues);
}
