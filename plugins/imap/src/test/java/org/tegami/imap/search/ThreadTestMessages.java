package org.tegami.imap.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tegami.imap.encode.ThreadEncoder;

/** A mailbox of {@link ThreadMessage}s for the threading tests, numbered in the order added. */
final class ThreadTestMessages {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<ThreadMessage> messages = new ArrayList<>();

    /**
     * Adds the next message, sent {@code minutes} after T0.
     *
     * @param id the Message-ID without brackets, or null
     * @param references the References: ids, oldest first, space-separated (may be empty)
     */
    ThreadTestMessages add(int minutes, String id, String references, String subject) {
        List<String> refs = references.isEmpty() ? List.of() : List.of(references.split(" "));
        messages.add(new ThreadMessage(messages.size() + 1, id, refs, subject, T0.plusSeconds(60L * minutes)));
        return this;
    }

    /** The THREAD response the algorithm gives, with sequence numbers. */
    String thread(ThreadAlgorithm algorithm) {
        return ThreadEncoder.encode(algorithm.thread(messages), seq -> seq);
    }
}
