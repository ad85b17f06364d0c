package org.tegami.smtp.relay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The order in which MX hosts are tried (RFC 5321 5.1): lowest preference first, and hosts of
 * equal preference in random order, so that load spreads over them. Pure function.
 */
public final class MxOrder {

    private MxOrder() {
    }

    /**
     * One MX record.
     *
     * @param host the exchange's name, lower-case, without the final dot
     * @param preference the MX preference; lower is tried first
     */
    public record Entry(String host, int preference) {
    }

    /** The entries sorted by preference, shuffled within each preference; duplicates dropped. */
    public static List<Entry> order(List<Entry> entries, Random random) {
        List<Entry> sorted = new ArrayList<>(entries.stream().distinct().toList());
        sorted.sort(Comparator.comparingInt(Entry::preference));
        List<Entry> result = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).preference() == sorted.get(i).preference()) {
                j++;
            }
            List<Entry> same = new ArrayList<>(sorted.subList(i, j));
            Collections.shuffle(same, random);
            result.addAll(same);
            i = j;
        }
        return result;
    }
}
