package org.tegami.core.metrics;

import java.util.List;

/** Something the registry can read into a {@link Series} at scrape time. */
interface Readable {

    Series read(List<String> labelValues);
}
