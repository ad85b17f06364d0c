package org.tegami.core.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The input of a TLS 1.2 connection, whose wait for a command a stop cannot end from outside:
 * ending the input would make TLS 1.2 close both ways (RFC 5246 7.2.1), and the notice could not
 * be sent. So while the session waits for a command, a read waits in slices of at most
 * {@link #SLICE_MILLIS} and looks between them whether the host is stopping; it then returns
 * end of stream, and the TLS session is intact for the notice. The idle timeout still counts
 * from the start of the read. Outside a wait, reads are plain reads. The JDK's TLS socket keeps
 * a record read in part across a read timeout, so a slice ending mid-record loses nothing.
 */
final class PollingInput extends InputStream {

    /** How long a stop may wait for an idle TLS 1.2 session to notice it. */
    static final int SLICE_MILLIS = 500;

    private final InputStream in;
    private final Socket socket;
    private final CommandWait wait;
    private final IntSupplier idleMillis;

    /**
     * @param in the TLS socket's input
     * @param socket the TLS socket, whose read timeout is set per slice
     * @param idleMillis the connection's idle timeout now (0: none)
     */
    PollingInput(InputStream in, Socket socket, CommandWait wait, IntSupplier idleMillis) {
        this.in = in;
        this.socket = socket;
        this.wait = wait;
        this.idleMillis = idleMillis;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (!wait.waiting()) {
            return in.read(target, offset, length);
        }
        int idle = idleMillis.getAsInt();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(idle);
        try {
            while (true) {
                if (wait.endIfStopping()) {
                    return -1;
                }
                long left = idle == 0 ? SLICE_MILLIS : TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                socket.setSoTimeout((int) Math.max(1, Math.min(SLICE_MILLIS, left)));
                try {
                    return in.read(target, offset, length);
                } catch (SocketTimeoutException e) {
                    if (idle != 0 && System.nanoTime() - deadline >= 0) {
                        throw e;
                    }
                }
            }
        } finally {
            restoreTimeout(idle);
        }
    }

    private void restoreTimeout(int idle) {
        try {
            socket.setSoTimeout(idle);
        } catch (IOException e) {
            // Closed: the next read reports it.
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
