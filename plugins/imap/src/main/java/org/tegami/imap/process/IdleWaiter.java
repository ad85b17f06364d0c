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
        waiter.thread = newThread(waiter, "imap-idle-" + sessionId);
        waiter.thread.start();
        return waiter;
    }

    /**
     * A virtual thread where the runtime has them (Java 21+), so a thousand idling clients do
     * not cost a thousand platform stacks; a daemon platform thread on Java 17.
     */
    private static Thread newThread(Runnable task, String name) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class).invoke(builder, name);
            return (Thread) builderType.getMethod("unstarted", Runnable.class).invoke(builder, task);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        }
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
