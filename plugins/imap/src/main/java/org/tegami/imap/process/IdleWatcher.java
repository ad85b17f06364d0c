package org.tegami.imap.process;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.session.SelectedFolder;

/**
 * The threads that push mailbox updates to idling clients (RFC 2177), shared by every session
 * of the plugin, so that IDLE costs a session no thread beyond its own, which waits for DONE.
 * Each idling session gets an {@link IdleUpdates}, woken by its folder's change listener
 * ({@link org.tegami.api.FolderView#onChange}) and by a poll timer.
 *
 * <p>Threads: a small fixed pool of daemon threads, made on first use and ended by
 * {@link #close()}. A write to a client that stops reading blocks until the connection's write
 * deadline (the IDLE timeout) closes it; one session's updates run on at most one pool thread
 * at a time, so such a client holds one thread and the others keep serving the other sessions.
 */
final class IdleWatcher implements AutoCloseable {

    /** Pool threads: a few blocked writes to dead clients still leave threads for the rest. */
    static final int THREADS = 4;
    /** Look now and then without a change signal: a safety net for changes no signal reports. */
    static final Duration POLL = Duration.ofSeconds(30);
    /** For folders that cannot notify: poll often enough that IDLE still shows news at once. */
    static final Duration POLL_WITHOUT_LISTENER = Duration.ofMillis(250);

    private final ScheduledThreadPoolExecutor pool;
    private final Duration poll;
    private final Duration pollWithoutListener;

    IdleWatcher() {
        this(THREADS, POLL, POLL_WITHOUT_LISTENER);
    }

    IdleWatcher(int threads, Duration poll, Duration pollWithoutListener) {
        this.poll = poll;
        this.pollWithoutListener = pollWithoutListener;
        this.pool = new ScheduledThreadPoolExecutor(threads, daemonThreads());
        // a session leaving IDLE cancels its timer; drop it from the queue at once
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Starts pushing the updates of {@code folder} to {@code out}. From now until the returned
     * handle's {@link IdleUpdates#stop()} the caller must not use either.
     */
    IdleUpdates watch(SelectedFolder folder, ResponseWriter out) {
        return IdleUpdates.start(folder, out, pool, poll, pollWithoutListener);
    }

    /** Ends the pool threads; sessions still idling then get no more updates. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "imap-idle-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
