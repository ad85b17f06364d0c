package org.tegami.imap.search;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THREAD=REFERENCES step 5 (RFC 5256 3): roots with the same base subject gathered under one of
 * them or under a new empty container. One instance per THREAD command.
 */
final class SubjectMerge {
    private final List<ThreadContainer> roots;
    private final Map<String, ThreadContainer> table = new LinkedHashMap<>();

    SubjectMerge(List<ThreadContainer> roots) {
        this.roots = new ArrayList<>(roots);
    }

    List<ThreadContainer> merge() {
        Map<ThreadContainer, String> keys = new IdentityHashMap<>();
        for (ThreadContainer c : roots) {
            keys.put(c, c.first().subjectKey());
        }
        // step 5.C; an empty container keeps its place against any message (its second
        // rule), so that the reply rule never puts an empty container below a message
        for (ThreadContainer c : roots) {
            String key = keys.get(c);
            if (key.isEmpty()) {
                continue;
            }
            ThreadContainer held = table.get(key);
            if (held == null
                    || held.message != null && c.message == null
                    || held.message != null && c.message != null && replyOrForward(held) && !replyOrForward(c)) {
                table.put(key, c);
            }
        }
        // step 5.D; a root that moves is left out below, one that a new empty container takes in
        // is replaced by it
        Map<ThreadContainer, ThreadContainer> replaced = new IdentityHashMap<>();
        for (ThreadContainer c : roots) {
            String key = keys.get(c);
            ThreadContainer held = key.isEmpty() ? null : table.get(key);
            if (held == null || held == c) {
                continue;
            }
            if (held.message == null && c.message == null) {
                for (ThreadContainer child : c.children) {
                    child.parent = held;
                    held.children.add(child);
                }
                c.children.clear();
            } else if (held.message == null || replyOrForward(c) && !replyOrForward(held)) {
                c.setParent(held);
            } else {
                ThreadContainer dummy = new ThreadContainer();
                held.setParent(dummy);
                c.setParent(dummy);
                replaced.put(held, dummy);
                table.put(key, dummy);
            }
            replaced.putIfAbsent(c, null);
        }
        List<ThreadContainer> out = new ArrayList<>(roots.size());
        for (ThreadContainer c : roots) {
            ThreadContainer now = replaced.containsKey(c) ? replaced.get(c) : c;
            if (now != null) {
                out.add(now);
            }
        }
        return out;
    }

    private static boolean replyOrForward(ThreadContainer c) {
        return BaseSubject.isReplyOrForward(c.first().subject());
    }
}
