package org.tegami.core.metrics;

import java.util.List;

/**
 * Writes metric families in the Prometheus text exposition format, version 0.0.4: per family
 * a {@code # HELP} and a {@code # TYPE} line, then one line per sample; histograms as
 * cumulative {@code _bucket} samples with an {@code le} label ending in {@code +Inf}, then
 * {@code _sum} and {@code _count}. Lines end in a line feed. A pure function of its input.
 */
public final class TextEncoder {

    /** The Content-Type of the output. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private TextEncoder() {
    }

    public static String encode(List<FamilySnapshot> families) {
        StringBuilder out = new StringBuilder(4096);
        for (FamilySnapshot f : families) {
            out.append("# HELP ").append(f.name()).append(' ').append(escapeHelp(f.help())).append('\n');
            out.append("# TYPE ").append(f.name()).append(' ').append(f.type().text()).append('\n');
            for (Series s : f.series()) {
                if (s instanceof Series.Distribution d) {
                    histogram(out, f, d);
                } else if (s instanceof Series.Scalar v) {
                    sample(out, f.name(), f.labelNames(), v.labelValues(), null, number(v.value()));
                }
            }
        }
        return out.toString();
    }

    private static void histogram(StringBuilder out, FamilySnapshot f, Series.Distribution d) {
        String bucket = f.name() + "_bucket";
        for (int i = 0; i < d.upperBounds().size(); i++) {
            sample(out, bucket, f.labelNames(), d.labelValues(), number(d.upperBounds().get(i)),
                    Long.toString(d.cumulativeCounts().get(i)));
        }
        sample(out, bucket, f.labelNames(), d.labelValues(), "+Inf", Long.toString(d.count()));
        sample(out, f.name() + "_sum", f.labelNames(), d.labelValues(), null, number(d.sum()));
        sample(out, f.name() + "_count", f.labelNames(), d.labelValues(), null, Long.toString(d.count()));
    }

    /** One sample line; {@code le} is the bucket bound, or null outside histogram buckets. */
    private static void sample(StringBuilder out, String name, List<String> labelNames, List<String> labelValues,
            String le, String value) {
        out.append(name);
        if (!labelNames.isEmpty() || le != null) {
            out.append('{');
            for (int i = 0; i < labelNames.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labelNames.get(i)).append("=\"").append(escapeLabelValue(labelValues.get(i))).append('"');
            }
            if (le != null) {
                out.append(labelNames.isEmpty() ? "" : ",").append("le=\"").append(le).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    /**
     * A sample value as Go's ParseFloat reads it: whole numbers without a fraction, then
     * {@code NaN}, {@code +Inf}, {@code -Inf} as the format spells them.
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** In HELP text a backslash and a line feed are escaped. */
    static String escapeHelp(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** In label values a backslash, a double quote and a line feed are escaped. */
    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
