package org.tegami.imap.search;

import java.util.List;

/**
 * One node of a THREAD answer (RFC 5256 4): a message, or a dummy standing for a parent that is
 * not in the result (message {@code null}), and its children in order. Immutable.
 */
public record ThreadNode(ThreadMessage message, List<ThreadNode> children) {

    public ThreadNode {
        children = List.copyOf(children);
    }

    /** Whether this node stands for a missing parent. */
    public boolean dummy() {
        return message == null;
    }
}
