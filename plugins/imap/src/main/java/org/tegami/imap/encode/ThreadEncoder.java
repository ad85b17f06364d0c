package org.tegami.imap.encode;

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
        for (ThreadNode t : threads) {
            out.append('(');
            members(t, number, out);
            out.append(')');
        }
        return out.toString();
    }

    private static void members(ThreadNode node, IntToLongFunction number, StringBuilder out) {
        // a long reply chain continues here rather than recursing once per message
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
        for (ThreadNode child : node.children()) {
            out.append('(');
            members(child, number, out);
            out.append(')');
        }
    }
}
