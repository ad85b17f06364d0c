package org.tegami.imap.decode;

import java.util.List;

/**
 * An RFC 3501 sequence-set: message sequence numbers or UIDs, with {@code *} standing for the
 * largest one in use (stored as {@link #STAR} and resolved by the caller).
 */
public record SequenceSet(List<Range> ranges, boolean saved) {

    /** The placeholder for {@code *}. */
    public static final long STAR = Long.MAX_VALUE;

    /** {@code $}: the result saved by the last SEARCH RETURN (SAVE) (RFC 5182). */
    public static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    public SequenceSet {
        ranges = List.copyOf(ranges);
    }

    public SequenceSet(List<Range> ranges) {
        this(ranges, false);
    }

    /**
     * Whether {@code n} is in the set, with {@code *} meaning {@code largest}. RFC 3501 9: a
     * range {@code n:*} contains {@code *} even when n is larger than it.
     */
    public boolean contains(long n, long largest) {
        for (Range r : ranges) {
            long a = r.start() == STAR ? largest : r.start();
            long b = r.end() == STAR ? largest : r.end();
            if (n >= Math.min(a, b) && n <= Math.max(a, b)) {
                return true;
            }
        }
        return false;
    }

    /** An inclusive range; start &lt;= end before {@code *} is resolved. */
    public record Range(long start, long end) {
    }
}
