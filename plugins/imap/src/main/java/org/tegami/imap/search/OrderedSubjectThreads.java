package org.tegami.imap.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * THREAD=ORDEREDSUBJECT (RFC 5256 3): messages sorted by base subject and then sent date; each
 * run of the same base subject is one thread whose first message is the parent of all the
 * others, as siblings in that order; threads ordered by the sent date of their first message.
 */
final class OrderedSubjectThreads {

    private OrderedSubjectThreads() {
    }

    static List<ThreadNode> of(List<ThreadMessage> messages) {
        List<Keyed> sorted = new ArrayList<>(messages.size());
        for (ThreadMessage m : messages) {
            sorted.add(new Keyed(m.subjectKey(), m));
        }
        sorted.sort(Comparator.comparing(Keyed::subject, OrderedSubjectThreads::codePoints)
                .thenComparing(Keyed::message, ThreadMessage.BY_SENT_DATE));
        List<ThreadNode> threads = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            Keyed first = sorted.get(i);
            List<ThreadNode> children = new ArrayList<>();
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).subject().equals(first.subject())) {
                children.add(new ThreadNode(sorted.get(j).message(), List.of()));
                j++;
            }
            threads.add(new ThreadNode(first.message(), children));
            i = j;
        }
        threads.sort(Comparator.comparing(ThreadNode::message, ThreadMessage.BY_SENT_DATE));
        return threads;
    }

    /** Code point order, the octet order of the UTF-8 form (as SORT SUBJECT compares). */
    private static int codePoints(String x, String y) {
        return Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
    }

    private record Keyed(String subject, ThreadMessage message) {
    }
}
