package org.tegami.imap.search;

import java.util.List;

/** The threading algorithms of RFC 5256 3, each turning messages into ordered threads. */
public enum ThreadAlgorithm {
    /** Groups by base subject, the first message by sent date the parent of the others. */
    ORDEREDSUBJECT {
        @Override
        public List<ThreadNode> thread(List<ThreadMessage> messages) {
            return OrderedSubjectThreads.of(messages);
        }
    },
    /** Parent and child from Message-ID and References:, then grouped by base subject. */
    REFERENCES {
        @Override
        public List<ThreadNode> thread(List<ThreadMessage> messages) {
            return new ReferenceThreads(messages).threads();
        }
    };

    /** The threads, in the order the algorithm defines. */
    public abstract List<ThreadNode> thread(List<ThreadMessage> messages);
}
