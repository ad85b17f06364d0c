package org.tegami.imap.encode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.tegami.imap.search.ThreadNode;

/**
 * The THREAD response (RFC 5256 4): {@code THREAD (1)(2 3)(4 (5)(6))}. A message with one child
 * continues in the same list; with several, each child opens a nested list; a node standing for
 * a missing parent shows only its children's lists.
 */
public final class ThreadEncoder {

    private ThreadEncoder() {
    }

    /**
     * @param threads the threads in order
     * @param number the number to show for a message sequence number (itself or its UID)
     * @return the response text after {@code * }
     */
    public static String encode(List<ThreadNode> threads, IntToLongFunction number) {
        StringBuilder out = new StringBuilder("THREAD");
        if (!threads.isEmpty()) {
            out.append(' ');
        }
        // an explicit stack of nodes and closing parentheses: threads can be as deep as the mailbox
        Deque<Object> todo = new ArrayDeque<>();
        for (int i = threads.size() - 1; i >= 0; i--) {
            todo.push(")");
            todo.push(threads.get(i));
            todo.push("(");
        }
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next instanceof ThreadNode node) {
                members(node, number, out, todo);
            } else {
                out.append((String) next);
            }
        }
        return out.toString();
    }

    /** Writes a node and the chain of only children below it; pushes a nested list per child after that. */
    private static void members(ThreadNode node, IntToLongFunction number, StringBuilder out, Deque<Object> todo) {
        while (!node.dummy() && node.children().size() == 1) {
            out.append(number.applyAsLong(node.message().sequence())).append(' ');
            node = node.children().get(0);
        }
        if (!node.dummy()) {
            out.append(number.applyAsLong(node.message().sequence()));
            if (node.children().isEmpty()) {
                return;
            }
            out.append(' ');
        }
        List<ThreadNode> children = node.children();
        for (int i = children.size() - 1; i >= 0; i--) {
            todo.push(")");
            todo.push(children.get(i));
            todo.push("(");
        }
    }
}
