package org.tegami.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A client's input with a time limit over many reads, until {@link #disarm()}: a client
 * dribbling a byte now and then resets the connection's read timeout at each byte, so only a
 * deadline over, say, the whole unauthenticated part of a session stops it from holding a
 * connection for ever (POP3 and IMAP login timeouts). Checked at each read, so it fires at the
 * latest one read timeout after it passes.
 */
public final class DeadlineInputStream extends FilterInputStream {

    /** Thrown by a read once the deadline has passed while armed. */
    public static final class ExpiredException extends SocketTimeoutException {

        private static final long serialVersionUID = 1L;

        ExpiredException() {
            super("the time limit passed");
        }
    }

    private final long deadline;
    private volatile boolean armed = true;

    /** @param limit how long from now reads are allowed */
    public DeadlineInputStream(InputStream in, Duration limit) {
        super(in);
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /** No deadline from now on (the client has logged in). */
    public void disarm() {
        armed = false;
    }

    @Override
    public int read() throws IOException {
        check();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        return super.read(b, off, len);
    }

    private void check() throws ExpiredException {
        if (armed && System.nanoTime() - deadline > 0) {
            throw new ExpiredException();
        }
    }
}
