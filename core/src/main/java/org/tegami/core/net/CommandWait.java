package org.tegami.core.net;

/**
 * Whether a session is waiting for its client's next command, and the stop that ends such a
 * wait early. The handler opens a wait before it reads a command ({@link #begin()}) and closes
 * it once it has the command ({@link #end()}); the first byte the client sends also closes it
 * ({@link #arrived()}), so a command that has begun to arrive (a long line, a literal) is never
 * cut. A stop ({@link #stop()}) that finds the session waiting wakes its blocked read, which
 * then returns end of stream; one that finds it busy only leaves a mark, and the session's next
 * wait does not begin.
 *
 * <p>Thread-safe: the session thread and the stopping thread meet here. The lock is never held
 * across a blocking read.
 */
final class CommandWait {

    /** Makes the session's blocked read return at once. */
    @FunctionalInterface
    interface Waker {

        /**
         * @return whether the read will return end of stream, so that the handler can send its
         *     notice; {@code false} when the connection was closed instead (TLS 1.2)
         */
        boolean wake();
    }

    private final Waker waker;
    /** Read without the lock on every read, so bytes flow at full speed outside a wait. */
    private volatile boolean waiting;
    private volatile boolean woken;
    private boolean stopping;

    CommandWait(Waker waker) {
        this.waker = waker;
    }

    /** @return {@code false} when the host is stopping: the handler ends the session instead of reading */
    synchronized boolean begin() {
        if (stopping) {
            return false;
        }
        waiting = true;
        return true;
    }

    /** @return {@code false} when a stop woke the wait: what was read must not be acted on */
    synchronized boolean end() {
        waiting = false;
        return !woken;
    }

    /**
     * Bytes reached the handler: a command has begun, unless a stop woke the read first.
     *
     * @return whether the handler may have the bytes; {@code false} means end of stream
     */
    boolean arrived() {
        if (!waiting && !woken) {
            return true;
        }
        synchronized (this) {
            if (woken) {
                return false;
            }
            waiting = false;
            return true;
        }
    }

    /** Whether the session waits for a command now. */
    boolean waiting() {
        return waiting;
    }

    /** Whether a stop woke this session's read; its reads then return end of stream. */
    boolean woken() {
        return woken;
    }

    /** The host is stopping: ends a wait now, or the next one before it begins. Idempotent. */
    synchronized void stop() {
        stopping = true;
        if (waiting && !woken) {
            woken = waker.wake();
        }
    }
}
