package org.tegami.imap.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * THREAD=REFERENCES (RFC 5256 3, after Jamie Zawinski's algorithm): links messages into trees
 * by Message-ID and References: (step 1), takes the roots (step 2), prunes empty containers
 * (step 3), sorts the roots (step 4), merges roots with the same base subject (step 5) and
 * sorts every set of siblings by sent date (step 6). One instance per THREAD command.
 */
final class ReferenceThreads {

    private final Map<String, ThreadContainer> byId = new HashMap<>();
    private final List<ThreadContainer> all = new ArrayList<>();

    ReferenceThreads(List<ThreadMessage> messages) {
        for (ThreadMessage m : messages) {
            link(m);
        }
    }

    /** The threads in order. */
    List<ThreadNode> threads() {
        List<ThreadContainer> roots = new ArrayList<>();
        for (ThreadContainer c : all) {
            if (c.parent == null) {
                roots.add(c); // step 2
            }
        }
        // step 3, deepest first: a reply chain can be as deep as the mailbox is large
        for (ThreadContainer c : bottomUp(roots)) {
            c.children = prune(c.children, false);
            for (ThreadContainer child : c.children) {
                child.parent = c;
            }
        }
        roots = prune(roots, true);
        for (ThreadContainer c : roots) {
            c.parent = null;
        }
        sortLevel(roots); // step 4
        roots = new SubjectMerge(roots).merge(); // step 5
        // step 6: every set of siblings by sent date, children before their parents' level
        for (ThreadContainer c : bottomUp(roots)) {
            c.children.sort(Comparator.comparing(ThreadContainer::first, ThreadMessage.BY_SENT_DATE));
        }
        roots.sort(Comparator.comparing(ThreadContainer::first, ThreadMessage.BY_SENT_DATE));
        return nodes(roots);
    }

    /** Every container below the roots, each one after all of its descendants. */
    private static List<ThreadContainer> bottomUp(List<ThreadContainer> roots) {
        List<ThreadContainer> order = new ArrayList<>();
        Deque<ThreadContainer> stack = new ArrayDeque<>(roots);
        while (!stack.isEmpty()) {
            ThreadContainer c = stack.pop();
            order.add(c);
            c.children.forEach(stack::push);
        }
        Collections.reverse(order);
        return order;
    }

    /** The immutable trees, built from the leaves up. */
    private static List<ThreadNode> nodes(List<ThreadContainer> roots) {
        Map<ThreadContainer, ThreadNode> built = new IdentityHashMap<>();
        for (ThreadContainer c : bottomUp(roots)) {
            List<ThreadNode> children = new ArrayList<>(c.children.size());
            for (ThreadContainer child : c.children) {
                children.add(built.remove(child));
            }
            built.put(c, new ThreadNode(c.message, children));
        }
        List<ThreadNode> threads = new ArrayList<>(roots.size());
        for (ThreadContainer c : roots) {
            threads.add(built.get(c));
        }
        return threads;
    }

    /** Step 1: the message's container, its references chained, itself the child of the last. */
    private void link(ThreadMessage m) {
        ThreadContainer self = m.messageId() == null ? null : byId.get(m.messageId());
        if (self == null || self.message != null) {
            // step 1: no valid Message-ID, or a duplicate of an earlier one: a unique one
            self = new ThreadContainer();
            all.add(self);
            if (m.messageId() != null && !byId.containsKey(m.messageId())) {
                byId.put(m.messageId(), self);
            }
        }
        self.message = m;
        List<String> refs = m.references();
        // step 1.A: each reference the parent of the next, never replacing a parent
        for (int i = 0; i + 1 < refs.size(); i++) {
            ThreadContainer parent = container(refs.get(i));
            ThreadContainer child = container(refs.get(i + 1));
            if (child.parent == null && !wouldLoop(parent, child)) {
                child.setParent(parent);
            }
        }
        // step 1.B: the last reference is the parent, replacing one an earlier message implied
        self.setParent(null);
        if (!refs.isEmpty()) {
            ThreadContainer parent = container(refs.get(refs.size() - 1));
            if (!wouldLoop(parent, self)) {
                self.setParent(parent);
            }
        }
    }

    private ThreadContainer container(String id) {
        return byId.computeIfAbsent(id, k -> {
            ThreadContainer c = new ThreadContainer();
            all.add(c);
            return c;
        });
    }

    /** Making {@code parent} the parent of {@code child} loops if it is the child or below it. */
    private static boolean wouldLoop(ThreadContainer parent, ThreadContainer child) {
        if (child.children.isEmpty()) {
            return parent == child; // nothing below it: the usual case, without the walk up
        }
        for (ThreadContainer c = parent; c != null; c = c.parent) {
            if (c == child) {
                return true;
            }
        }
        return false;
    }

    /**
     * Step 3 on one level whose children are pruned already: empty containers without children
     * go; those with children give way to them, except at the top level when there is more than
     * one child.
     */
    private static List<ThreadContainer> prune(List<ThreadContainer> level, boolean top) {
        List<ThreadContainer> kept = new ArrayList<>();
        for (ThreadContainer c : level) {
            if (c.message != null) {
                kept.add(c);
            } else if (!top || c.children.size() == 1) {
                kept.addAll(c.children);
            } else if (!c.children.isEmpty()) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Step 4: the top level by sent date, an empty container by its earliest child. */
    private static void sortLevel(List<ThreadContainer> roots) {
        for (ThreadContainer c : roots) {
            if (c.message == null) {
                c.children.sort(Comparator.comparing(ThreadContainer::first, ThreadMessage.BY_SENT_DATE));
            }
        }
        roots.sort(Comparator.comparing(ThreadContainer::first, ThreadMessage.BY_SENT_DATE));
    }
}
