package org.tegami.core.net;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action when a deadline passes unless it is cancelled first: closes the socket of a
 * TLS handshake or a write that takes too long. Java has no write timeout for blocking
 * sockets, so a client that stops reading would otherwise hold its session forever.
 */
final class Watchdog implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "net-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** Runs {@code action} after {@code millis} unless the returned future is cancelled. */
    ScheduledFuture<?> arm(long millis, Runnable action) {
        return timer.schedule(action, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
