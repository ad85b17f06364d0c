package org.tegami.imap.process;

import java.util.Collection;

/** Writes UID lists compactly as sequence sets ({@code 3:5,9}), for COPYUID (RFC 4315 3). */
final class UidSets {

    private UidSets() {
    }

    /** @param uids in the order they are to be listed (COPYUID pairs them by position) */
    static String format(Collection<Long> uids) {
        StringBuilder out = new StringBuilder();
        long start = -1;
        long prev = -1;
        for (long uid : uids) {
            if (start >= 0 && uid == prev + 1) {
                prev = uid;
                continue;
            }
            append(out, start, prev);
            start = uid;
            prev = uid;
        }
        append(out, start, prev);
        return out.toString();
    }

    private static void append(StringBuilder out, long start, long end) {
        if (start < 0) {
            return;
        }
        if (out.length() > 0) {
            out.append(',');
        }
        out.append(start);
        if (end != start) {
            out.append(':').append(end);
        }
    }
}
