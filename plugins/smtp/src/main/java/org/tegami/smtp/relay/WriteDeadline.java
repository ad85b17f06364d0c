package org.tegami.smtp.relay;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A time limit on blocking writes, which Java sockets lack: if the server stops reading while
 * message data is sent, the socket is closed when the limit passes, so the write fails instead
 * of holding a delivery thread forever (RFC 5321 4.5.3.2.5, data block: 3 minutes).
 * Arm one around each block of data; {@link #close()} disarms it.
 */
final class WriteDeadline implements AutoCloseable {

    private final ScheduledFuture<?> task;
    private volatile boolean expired;

    private WriteDeadline(ScheduledExecutorService timer, Socket socket, Duration limit) {
        task = timer.schedule(() -> {
            expired = true;
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all we can do; the writer sees the failure
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    static WriteDeadline arm(ScheduledExecutorService timer, Socket socket, Duration limit) {
        return new WriteDeadline(timer, socket, limit);
    }

    /** Whether the limit passed and the socket was closed. */
    boolean expired() {
        return expired;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
