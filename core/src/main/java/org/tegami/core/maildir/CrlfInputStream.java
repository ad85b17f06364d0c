package org.tegami.core.maildir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stored message with every bare LF turned into CRLF (RFC 5322 line ends on the wire). */
final class CrlfInputStream extends FilterInputStream {

    private final byte[] chunk = new byte[16 * 1024];
    private final byte[] single = new byte[1];
    private int chunkPos;
    private int chunkLen;
    private int prev = -1;
    private boolean pendingLf;

    CrlfInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    /** Reads from the file a chunk at a time: never a system call per byte. */
    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            if (pendingLf) {
                pendingLf = false;
                prev = '\n';
                buf[off + n++] = '\n';
                continue;
            }
            if (chunkPos == chunkLen) {
                if (n > 0) {
                    break; // hand out what we have rather than block for more
                }
                chunkLen = Math.max(0, in.read(chunk, 0, chunk.length));
                chunkPos = 0;
                if (chunkLen == 0) {
                    return -1;
                }
            }
            int b = chunk[chunkPos++] & 0xff;
            if (b == '\n' && prev != '\r') {
                pendingLf = true;
                prev = '\r';
                buf[off + n++] = '\r';
            } else {
                prev = b;
                buf[off + n++] = (byte) b;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 16 * 1024)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() {
        return (pendingLf ? 1 : 0) + chunkLen - chunkPos;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int limit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
