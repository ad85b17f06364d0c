package org.tegami.imap.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THREAD=REFERENCES (RFC 5256 3, after Jamie Zawinski's algorithm): links messages into trees
 * by Message-ID and References: (step 1), takes the roots (step 2), prunes empty containers
 * (step 3), sorts the roots (step 4), merges roots with the same base subject (step 5) and
 * sorts every set of siblings by sent date (step 6). One instance per THREAD command.
 */
final class ReferenceThreads {

    private final Map<String, Container> byId = new HashMap<>();
    private final List<Container> all = new ArrayList<>();

    ReferenceThreads(List<ThreadMessage> messages) {
        for (ThreadMessage m : messages) {
            link(m);
        }
    }

    /** The threads in order. */
    List<ThreadNode> threads() {
        List<Container> roots = new ArrayList<>();
        for (Container c : all) {
            if (c.parent == null) {
                roots.add(c); // step 2
            }
        }
        // step 3, deepest first: a reply chain can be as deep as the mailbox is large
        for (Container c : bottomUp(roots)) {
            c.children = prune(c.children, false);
            for (Container child : c.children) {
                child.parent = c;
            }
        }
        roots = prune(roots, true);
        for (Container c : roots) {
            c.parent = null;
        }
        sortLevel(roots); // step 4
        roots = new SubjectMerge(roots).merge(); // step 5
        // step 6: every set of siblings by sent date, children before their parents' level
        for (Container c : bottomUp(roots)) {
            c.children.sort(Comparator.comparing(Container::first, ThreadMessage.BY_SENT_DATE));
        }
        roots.sort(Comparator.comparing(Container::first, ThreadMessage.BY_SENT_DATE));
        return nodes(roots);
    }

    /** Every container below the roots, each one after all of its descendants. */
    private static List<Container> bottomUp(List<Container> roots) {
        List<Container> order = new ArrayList<>();
        Deque<Container> stack = new ArrayDeque<>(roots);
        while (!stack.isEmpty()) {
            Container c = stack.pop();
            order.add(c);
            c.children.forEach(stack::push);
        }
        Collections.reverse(order);
        return order;
    }

    /** The immutable trees, built from the leaves up. */
    private static List<ThreadNode> nodes(List<Container> roots) {
        Map<Container, ThreadNode> built = new IdentityHashMap<>();
        for (Container c : bottomUp(roots)) {
            List<ThreadNode> children = new ArrayList<>(c.children.size());
            for (Container child : c.children) {
                children.add(built.remove(child));
            }
            built.put(c, new ThreadNode(c.message, children));
        }
        List<ThreadNode> threads = new ArrayList<>(roots.size());
        for (Container c : roots) {
            threads.add(built.get(c));
        }
        return threads;
    }

    /** Step 1: the message's container, its references chained, itself the child of the last. */
    private void link(ThreadMessage m) {
        Container self = m.messageId() == null ? null : byId.get(m.messageId());
        if (self == null || self.message != null) {
            // step 1: no valid Message-ID, or a duplicate of an earlier one: a unique one
            self = new Container();
            all.add(self);
            if (m.messageId() != null && !byId.containsKey(m.messageId())) {
                byId.put(m.messageId(), self);
            }
        }
        self.message = m;
        List<String> refs = m.references();
        // step 1.A: each reference the parent of the next, never replacing a parent
        for (int i = 0; i + 1 < refs.size(); i++) {
            Container parent = container(refs.get(i));
            Container child = container(refs.get(i + 1));
            if (child.parent == null && !wouldLoop(parent, child)) {
                child.setParent(parent);
            }
        }
        // step 1.B: the last reference is the parent, replacing one an earlier message implied
        self.setParent(null);
        if (!refs.isEmpty()) {
            Container parent = container(refs.get(refs.size() - 1));
            if (!wouldLoop(parent, self)) {
                self.setParent(parent);
            }
        }
    }

    private Container container(String id) {
        return byId.computeIfAbsent(id, k -> {
            Container c = new Container();
            all.add(c);
            return c;
        });
    }

    /** Making {@code parent} the parent of {@code child} loops if it is the child or below it. */
    private static boolean wouldLoop(Container parent, Container child) {
        if (child.children.isEmpty()) {
            return parent == child; // nothing below it: the usual case, without the walk up
        }
        for (Container c = parent; c != null; c = c.parent) {
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
    private static List<Container> prune(List<Container> level, boolean top) {
        List<Container> kept = new ArrayList<>();
        for (Container c : level) {
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
    private static void sortLevel(List<Container> roots) {
        for (Container c : roots) {
            if (c.message == null) {
                c.children.sort(Comparator.comparing(Container::first, ThreadMessage.BY_SENT_DATE));
            }
        }
        roots.sort(Comparator.comparing(Container::first, ThreadMessage.BY_SENT_DATE));
    }

    /** A message or an empty place for one, with its parent and children. */
    static final class Container {
        ThreadMessage message;
        Container parent;
        List<Container> children = new ArrayList<>();

        /** The message, or for an empty container the message of its first child. */
        ThreadMessage first() {
            Container c = this;
            while (c.message == null && !c.children.isEmpty()) {
                c = c.children.get(0);
            }
            return c.message;
        }

        void setParent(Container p) {
            if (parent != null) {
                parent.children.remove(this);
            }
            parent = p;
            if (p != null) {
                p.children.add(this);
            }
        }
    }

    /** Step 5: roots with the same base subject gathered under one of them or a new empty one. */
    private static final class SubjectMerge {
        private final List<Container> roots;
        private final Map<String, Container> table = new LinkedHashMap<>();

        SubjectMerge(List<Container> roots) {
            this.roots = new ArrayList<>(roots);
        }

        List<Container> merge() {
            // step 5.C; an empty container keeps its place against any message (its second
            // rule), so that the reply rule never puts an empty container below a message
            for (Container c : roots) {
                String key = c.first().subjectKey();
                if (key.isEmpty()) {
                    continue;
                }
                Container held = table.get(key);
                if (held == null
                        || held.message != null && c.message == null
                        || held.message != null && c.message != null && replyOrForward(held) && !replyOrForward(c)) {
                    table.put(key, c);
                }
            }
            List<Container> out = new ArrayList<>(roots);
            for (Container c : roots) { // step 5.D
                String key = c.first().subjectKey();
                Container held = key.isEmpty() ? null : table.get(key);
                if (held == null || held == c) {
                    continue;
                }
                if (held.message == null && c.message == null) {
                    for (Container child : new ArrayList<>(c.children)) {
                        child.setParent(held);
                    }
                    out.remove(c);
                } else if (held.message == null || replyOrForward(c) && !replyOrForward(held)) {
                    c.setParent(held);
                    out.remove(c);
                } else {
                    Container dummy = new Container();
                    out.set(out.indexOf(held), dummy);
                    out.remove(c);
                    held.setParent(dummy);
                    c.setParent(dummy);
                    table.put(key, dummy);
                }
            }
            return out;
        }

        private static boolean replyOrForward(Container c) {
            return BaseSubject.isReplyOrForward(c.first().subject());
        }
    }
}
