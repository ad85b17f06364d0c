package org.tegami.core.net;

import java.io.IOException;
import java.io.InputStream;

/**
 * The buffered input a handler reads. It stays the same object for the whole connection;
 * {@link #switchSource} moves it onto the TLS stream after STARTTLS and throws away whatever
 * plaintext was buffered, so bytes a client pipelined behind STARTTLS are never read as
 * commands (CVE-2011-0411).
 *
 * <p>It reports every byte it hands out to the connection's {@link CommandWait}, so a wait for a
 * command ends when the command begins to arrive; once a stop has woken the wait, every read
 * returns end of stream, whatever the socket or the TLS layer made of the wake.
 */
final class ConnectionInput extends InputStream {

    private static final int BUFFER_SIZE = 8192;

    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final CommandWait wait;
    private InputStream source;
    private int position;
    private int limit;

    /** An input no stop ever wakes. */
    ConnectionInput(InputStream source) {
        this(source, new CommandWait(() -> false));
    }

    ConnectionInput(InputStream source, CommandWait wait) {
        this.source = source;
        this.wait = wait;
    }

    /**
     * Reads from {@code next} from now on.
     *
     * @return the number of buffered bytes discarded
     */
    int switchSource(InputStream next) {
        int discarded = limit - position;
        position = 0;
        limit = 0;
        source = next;
        return discarded;
    }

    @Override
    public int read() throws IOException {
        if (position >= limit && !fill()) {
            return -1;
        }
        if (!wait.arrived()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= limit) {
            // A large read bypasses the buffer, as BufferedInputStream does.
            if (length >= BUFFER_SIZE) {
                int n = readSource(target, offset, length);
                return n > 0 && !wait.arrived() ? -1 : n;
            }
            if (!fill()) {
                return -1;
            }
        }
        if (!wait.arrived()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        if (wait.woken()) {
            return 0;
        }
        return (limit - position) + source.available();
    }

    /** The host closes the socket; closing the stream does it too, as a handler may expect. */
    @Override
    public void close() throws IOException {
        source.close();
    }

    private boolean fill() throws IOException {
        int n = readSource(buffer, 0, BUFFER_SIZE);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Reads from the socket; after a wake, end of stream whatever the socket says. */
    private int readSource(byte[] target, int offset, int length) throws IOException {
        if (wait.woken()) {
            return -1;
        }
        try {
            return source.read(target, offset, length);
        } catch (IOException e) {
            if (wait.woken()) {
                return -1;
            }
            throw e;
        }
    }
}
