package org.tegami.imap.process;

import java.io.IOException;
import java.time.Duration;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.session.SelectedFolder;
import org.tinylog.Logger;

/** The thread that pushes mailbox updates to an idling client (RFC 2177). */
final class IdleWaiter implements Runnable {

    /** Also look now and then without a signal, to catch changes found only by a rescan. */
    private static final Duration POLL = Duration.ofSeconds(30);

    private final SelectedFolder folder;
    private final ResponseWriter out;
    private volatile boolean stopped;
    private Thread thread;

    private IdleWaiter(SelectedFolder folder, ResponseWriter out) {
        this.folder = folder;
        this.out = out;
    }

    static IdleWaiter start(SelectedFolder folder, ResponseWriter out, String sessionId) {
        IdleWaiter waiter = new IdleWaiter(folder, out);
        waiter.thread = new Thread(waiter, "imap-idle-" + sessionId);
        waiter.thread.setDaemon(true);
        waiter.thread.start();
        return waiter;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                folder.view().awaitChange(POLL);
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                    folder.sync(out, true);
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!stopped) {
                Logger.tag("imap").debug("idle update failed: {}", e.getMessage());
            }
        }
    }

    /** Stops the waiter and waits until it no longer touches the folder or the writer. */
    void stop() {
        synchronized (this) {
            stopped = true;
        }
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
