package org.tegami.core.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.IntSupplier;

/**
 * A socket's output whose every write must finish within a deadline (the idle timeout, at
 * most {@code net.write-timeout}): if the client stops reading and the send buffer stays full,
 * the watchdog closes the socket and the write fails instead of blocking the session for good.
 */
final class GuardedOutputStream extends OutputStream {

    private final OutputStream socketOutput;
    private final Watchdog watchdog;
    private final IntSupplier timeoutMillis;
    private final Runnable abort;
    private volatile boolean expired;

    GuardedOutputStream(OutputStream socketOutput, Watchdog watchdog, IntSupplier timeoutMillis, Runnable abort) {
        this.socketOutput = socketOutput;
        this.watchdog = watchdog;
        this.timeoutMillis = timeoutMillis;
        this.abort = abort;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        ScheduledFuture<?> guard = watchdog.arm(timeoutMillis.getAsInt(), () -> {
            expired = true;
            abort.run();
        });
        try {
            socketOutput.write(data, offset, length);
        } catch (IOException e) {
            if (expired) {
                throw new SocketException("write took longer than " + timeoutMillis.getAsInt() + " ms: client not reading");
            }
            throw e;
        } finally {
            guard.cancel(false);
        }
    }

    @Override
    public void flush() throws IOException {
        socketOutput.flush();
    }

    @Override
    public void close() throws IOException {
        socketOutput.close();
    }
}
