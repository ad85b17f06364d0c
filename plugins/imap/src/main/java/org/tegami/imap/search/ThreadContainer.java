package org.tegami.imap.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A message or an empty place for one, with its parent and children: the mutable tree
 * THREAD=REFERENCES builds (RFC 5256 3). Parent and children links are kept consistent.
 */
final class ThreadContainer {
    ThreadMessage message;
    ThreadContainer parent;
    List<ThreadContainer> children = new ArrayList<>();

    /** The message, or for an empty container the message of its first child. */
    ThreadMessage first() {
        ThreadContainer c = this;
        while (c.message == null && !c.children.isEmpty()) {
            c = c.children.get(0);
        }
        return c.message;
    }

    void setParent(ThreadContainer p) {
        if (parent != null) {
            parent.children.remove(this);
        }
        parent = p;
        if (p != null) {
            p.children.add(this);
        }
    }
}

