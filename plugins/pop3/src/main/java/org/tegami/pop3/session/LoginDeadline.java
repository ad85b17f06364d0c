package org.tegami.pop3.session;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The client's input with a time limit that holds until login: a client dribbling a byte now
 * and then resets the read timeout at each byte, so only a deadline over the whole
 * unauthenticated part of the session stops it from holding a connection for ever. Checked
 * at each read, so it fires at the latest one read timeout after it passes.
 */
final class LoginDeadline extends FilterInputStream {

    /** Thrown by a read once the deadline has passed before login. */
    static final class ExpiredException extends SocketTimeoutException {

        private static final long serialVersionUID = 1L;

        ExpiredException() {
            super("no login within the login timeout");
        }
    }

    private final long deadline;
    private volatile boolean armed = true;

    /** @param deadline the {@link System#nanoTime()} by which the client must have logged in */
    LoginDeadline(InputStream in, long deadline) {
        super(in);
        this.deadline = deadline;
    }

    /** The client has logged in: no deadline from now on. */
    void disarm() {
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
