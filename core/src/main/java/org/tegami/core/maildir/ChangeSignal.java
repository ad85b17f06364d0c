package org.tegami.core.maildir;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A counter of "this folder may have changed" events that sessions can wait on (IMAP IDLE).
 * Its own monitor, so that waiting never holds up the folder.
 */
final class ChangeSignal {

    private long count;

    synchronized void signal() {
        count++;
        notifyAll();
    }

    synchronized long count() {
        return count;
    }

    /** Waits until the count differs from {@code seen}; returns it then, or {@code seen} on timeout. */
    synchronized long await(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return seen;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return count;
    }
}
