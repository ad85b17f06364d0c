package org.tegami.smtp.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tegami.api.Reply;

/**
 * Remembers for a while the addresses that did not answer (connection refused or timed out, no
 * greeting), so that the next messages skip them instead of waiting for the same timeout
 * again, as Postfix and qmail do with dead hosts. {@link RelayConfig#hostDownTime()} of zero
 * turns it off. Thread-safe.
 */
public final class HostMemory {

    private final long downNanos;
    private final Map<InetSocketAddress, Down> down = new ConcurrentHashMap<>();

    public HostMemory(Duration downTime) {
        this.downNanos = downTime.toNanos();
    }

    private record Down(long until, Reply reason) {
    }

    /** Notes that this address did not answer. */
    public void markDown(InetAddress address, int port, Reply reason) {
        if (downNanos > 0) {
            down.put(new InetSocketAddress(address, port), new Down(System.nanoTime() + downNanos, reason));
        }
    }

    /** Forgets a failure: the address answered. */
    public void markUp(InetAddress address, int port) {
        if (!down.isEmpty()) {
            down.remove(new InetSocketAddress(address, port));
        }
    }

    /** The reason this address is being skipped now, or {@code null} when it may be tried. */
    public Reply downReason(InetAddress address, int port) {
        if (down.isEmpty()) {
            return null;
        }
        InetSocketAddress key = new InetSocketAddress(address, port);
        Down d = down.get(key);
        if (d == null) {
            return null;
        }
        if (System.nanoTime() - d.until() > 0) {
            down.remove(key, d);
            return null;
        }
        return d.reason();
    }
}
