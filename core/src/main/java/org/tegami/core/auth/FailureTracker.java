package org.tegami.core.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tegami.core.net.ClientNetwork;

/**
 * Counts failed logins per client (an IPv4 address or an IPv6 /64) within a window and locks it out after too
 * many. Bounded: at most {@code capacity} addresses are remembered; entries whose window and
 * lockout have passed are dropped, and when full the least recently seen address is
 * forgotten. Thread-safe (one short lock per call).
 */
final class FailureTracker {

    private static final class Entry {
        int failures;
        Instant windowStart;
        Instant lockedUntil = Instant.MIN;
    }

    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final int capacity;
    private final LinkedHashMap<InetAddress, Entry> entries;

    FailureTracker(int maxFailures, Duration window, Duration lockout, int capacity) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Entry> eldest) {
                return size() > FailureTracker.this.capacity;
            }
        };
    }

    /** Whether the address is locked out at {@code now}. */
    synchronized boolean lockedOut(InetAddress client, Instant now) {
        Entry e = entries.get(ClientNetwork.of(client));
        return e != null && now.isBefore(e.lockedUntil);
    }

    /**
     * Records a failure.
     *
     * @return the number of failures within the current window, this one included
     */
    synchronized int fail(InetAddress client, Instant now) {
        purgeExpired(now);
        Entry e = entries.computeIfAbsent(ClientNetwork.of(client), k -> new Entry());
        if (e.windowStart == null || !now.isBefore(e.windowStart.plus(window))) {
            e.windowStart = now;
            e.failures = 0;
        }
        e.failures++;
        if (e.failures >= maxFailures) {
            e.lockedUntil = now.plus(lockout);
            e.failures = 0;
            e.windowStart = null;
            return maxFailures;
        }
        return e.failures;
    }

    /** Forgets the address's failures (a successful login). */
    synchronized void reset(InetAddress client) {
        entries.remove(ClientNetwork.of(client));
    }

    synchronized int size() {
        return entries.size();
    }

    /** Drops a few stale entries from the old end, so the cost per call stays small. */
    private void purgeExpired(Instant now) {
        Iterator<Entry> it = entries.values().iterator();
        for (int checked = 0; it.hasNext() && checked < 8; checked++) {
            Entry e = it.next();
            boolean windowOver = e.windowStart == null || !now.isBefore(e.windowStart.plus(window));
            if (windowOver && !now.isBefore(e.lockedUntil)) {
                it.remove();
            }
        }
    }
}
