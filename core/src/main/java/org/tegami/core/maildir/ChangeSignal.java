package org.tegami.core.maildir;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A counter of "this folder may have changed" events that sessions can wait on (IMAP IDLE), or
 * be called back on. Its own monitor, so that waiting never holds up the folder; listeners are
 * called outside it.
 */
final class ChangeSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long count;

    void signal() {
        synchronized (this) {
            count++;
            notifyAll();
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // one broken listener must not keep the others, or the signalling delivery, from going on
                MaildirStore.LOG.warn(e, "change listener failed");
            }
        }
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

    /** Calls {@code listener} after every signal until it is removed; by identity. */
    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
