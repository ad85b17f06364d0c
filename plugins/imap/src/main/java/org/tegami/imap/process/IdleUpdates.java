package org.tegami.imap.process;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tegami.api.FolderView;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.session.SelectedFolder;
import org.tinylog.Logger;

/**
 * One idling session's updates (RFC 2177): on request, runs {@code folder.sync(out, true)} and a
 * flush on a shared pool. The folder and the writer are never used by two threads at once:
 * an update holds {@link #exclusion}, and {@link #stop()} takes it too, so once stop returns no
 * update runs or will run and the session thread has them back.
 *
 * <p>Requests while an update is queued or running are merged into one more update after it,
 * queued behind the other sessions' updates: a session never holds more than one pool thread,
 * so a client that stops reading blocks only its own updates, and a busy folder does not keep
 * a thread from the others.
 */
final class IdleUpdates {

    private final SelectedFolder folder;
    private final ResponseWriter out;
    private final ScheduledExecutorService pool;
    /** Held while the pool uses the folder and the writer. */
    private final Object exclusion = new Object();
    /** Set under {@link #exclusion}: by {@link #stop()}, or when an update failed. */
    private volatile boolean stopped;
    /** Guarded by this: an update is queued or running; another was asked for meanwhile. */
    private boolean scheduled;
    private boolean again;
    private Optional<FolderView.Subscription> subscription = Optional.empty();
    private ScheduledFuture<?> timer;

    private IdleUpdates(SelectedFolder folder, ResponseWriter out, ScheduledExecutorService pool) {
        this.folder = folder;
        this.out = out;
        this.pool = pool;
    }

    /**
     * Watches {@code folder}: its change listener, or where the view cannot notify a short
     * poll, requests updates; a slow poll stays as a safety net. One update runs at once, for
     * changes made after the session's last command and before the listener was in place.
     */
    static IdleUpdates start(SelectedFolder folder, ResponseWriter out, ScheduledExecutorService pool, Duration poll,
            Duration pollWithoutListener) {
        IdleUpdates updates = new IdleUpdates(folder, out, pool);
        updates.subscription = folder.view().onChange(updates::request);
        long every = (updates.subscription.isPresent() ? poll : pollWithoutListener).toMillis();
        try {
            updates.timer = pool.scheduleWithFixedDelay(updates::request, every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the plugin is stopping: the session idles without updates until DONE
        }
        updates.request();
        return updates;
    }

    /**
     * Asks for an update soon. Called by folder listeners, possibly while the folder is locked,
     * so it never waits for a running update.
     */
    void request() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            if (scheduled) {
                again = true;
                return;
            }
            scheduled = true;
        }
        submit();
    }

    /**
     * Stops the updates and waits until a running one has finished: afterwards the pool no longer
     * touches the folder or the writer, and the session thread may use them again.
     */
    void stop() {
        subscription.ifPresent(FolderView.Subscription::close);
        if (timer != null) {
            timer.cancel(false);
        }
        synchronized (exclusion) {
            stopped = true;
        }
    }

    private void submit() {
        try {
            pool.execute(this::run);
        } catch (RejectedExecutionException closed) {
            synchronized (this) {
                scheduled = false;
            }
        }
    }

    private void run() {
        synchronized (this) {
            again = false;
        }
        update();
        boolean rerun;
        synchronized (this) {
            rerun = again && !stopped;
            scheduled = rerun;
        }
        if (rerun) {
            submit();
        }
    }

    private void update() {
        synchronized (exclusion) {
            if (stopped) {
                return;
            }
            try {
                folder.sync(out, true);
                out.flush();
            } catch (IOException | RuntimeException e) {
                // the client is gone or the folder broke: the session thread sees it at its next read or write
                stopped = true;
                Logger.tag("imap").debug("idle update failed: {}", e.getMessage());
            }
        }
    }
}
