package org.tegami.core.net;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The buffered output a handler writes. {@link #flush()} sends everything written since the
 * last flush in one write, so a reply (multi-line ones too) leaves in one segment with
 * TCP_NODELAY on. Only output larger than {@link #MAX_BUFFER} leaves in several writes, so a
 * streamed message body is never held whole in memory.
 */
final class ConnectionOutput extends OutputStream {

    static final int MAX_BUFFER = 64 * 1024;

    private OutputStream sink;
    private byte[] buffer = new byte[4096];
    private int count;

    ConnectionOutput(OutputStream sink) {
        this.sink = sink;
    }

    /** Sends to {@code next} from now on (after STARTTLS); call only with an empty buffer. */
    void switchSink(OutputStream next) {
        count = 0;
        sink = next;
    }

    @Override
    public void write(int b) throws IOException {
        ensureRoom(1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        while (length > 0) {
            int room = ensureRoom(length);
            int n = Math.min(room, length);
            System.arraycopy(data, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        sink.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        sink.close();
    }

    /** Grows the buffer up to the cap, or empties it when full; returns the free room. */
    private int ensureRoom(int wanted) throws IOException {
        if (buffer.length - count < wanted && buffer.length < MAX_BUFFER) {
            int size = Math.min(MAX_BUFFER, Math.max(buffer.length * 2, count + wanted));
            buffer = Arrays.copyOf(buffer, size);
        }
        if (count == buffer.length) {
            drain();
        }
        return buffer.length - count;
    }

    private void drain() throws IOException {
        if (count > 0) {
            sink.write(buffer, 0, count);
            count = 0;
        }
    }
}
