package org.tegami.smtp.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The session's only reader of the client's bytes, with its own buffer: command lines within a
 * length limit, raw line pieces for DATA, and counted bytes for BDAT. Before a read that would
 * block it runs a hook (the session flushes its pending replies there, RFC 2920 3.1). Its buffer
 * can be thrown away at STARTTLS so that pipelined plaintext is never read as commands
 * (RFC 3207 6). Not thread-safe.
 */
public final class LineReader {

    private final InputStream in;
    private final IoHook beforeBlocking;
    private final byte[] buffer = new byte[16 * 1024];
    private byte[] lineBuffer = new byte[1024];
    private int pos;
    private int limit;
    private long deadline;
    private boolean hasDeadline;

    /** Runs before the reader waits for the client. */
    @FunctionalInterface
    public interface IoHook {
        void run() throws IOException;
    }

    public LineReader(InputStream in, IoHook beforeBlocking) {
        this.in = in;
        this.beforeBlocking = beforeBlocking;
    }

    /** Reads fail with {@link SessionTimeoutException} once {@link System#nanoTime()} passes this. */
    public void setDeadline(long nanoTime) {
        this.deadline = nanoTime;
        this.hasDeadline = true;
    }

    /**
     * Reads one command line.
     *
     * @param maxLength the longest line accepted, CRLF included (RFC 5321 4.5.3.1.4)
     * @return the line, or {@code null} when the client closed the connection
     */
    public CommandLine readCommand(int maxLength) throws IOException {
        int n = readRaw(lineBuffer, 0, Math.min(lineBuffer.length, maxLength));
        if (n < 0) {
            return null;
        }
        // Grow only for the rare long line (AUTH with a long initial response).
        while (lineBuffer[n - 1] != '\n' && n == lineBuffer.length && n < maxLength) {
            lineBuffer = Arrays.copyOf(lineBuffer, Math.min(maxLength, lineBuffer.length * 2));
            int more = readRaw(lineBuffer, n, lineBuffer.length - n);
            if (more < 0) {
                throw new EOFException("connection closed within a line");
            }
            n += more;
        }
        byte[] line = lineBuffer;
        if (line[n - 1] != '\n') {
            skipLine();
            return new CommandLine("", CommandLine.Problem.TOO_LONG);
        }
        if (n < 2 || line[n - 2] != '\r') {
            return new CommandLine("", CommandLine.Problem.BARE_LF);
        }
        for (int i = 0; i < n - 2; i++) {
            if (line[i] == '\r' || line[i] == 0) {
                return new CommandLine("", CommandLine.Problem.BARE_CR);
            }
        }
        return new CommandLine(new String(line, 0, n - 2, StandardCharsets.UTF_8), null);
    }

    /**
     * Copies bytes up to and including the next LF, at most {@code max} of them.
     *
     * @return the count copied (the line continues when the last is not LF), or -1 at end of stream
     */
    public int readRaw(byte[] dst, int off, int max) throws IOException {
        int copied = 0;
        while (copied < max) {
            if (pos == limit && !fill()) {
                if (copied == 0) {
                    return -1;
                }
                throw new EOFException("connection closed within a line");
            }
            int end = Math.min(limit, pos + max - copied);
            int i = pos;
            while (i < end && buffer[i] != '\n') {
                i++;
            }
            boolean found = i < end;
            int count = (found ? i + 1 : end) - pos;
            System.arraycopy(buffer, pos, dst, off + copied, count);
            pos += count;
            copied += count;
            if (found) {
                break;
            }
        }
        return copied;
    }

    /** Reads up to {@code len} bytes as they come (BDAT), or -1 at end of stream. */
    public int read(byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        int count = Math.min(len, limit - pos);
        System.arraycopy(buffer, pos, dst, off, count);
        pos += count;
        return count;
    }

    /** Throws away the rest of an over-long line. */
    private void skipLine() throws IOException {
        byte[] scratch = new byte[1024];
        int n;
        do {
            n = readRaw(scratch, 0, scratch.length);
        } while (n > 0 && scratch[n - 1] != '\n');
    }

    /** Whether bytes are waiting in this reader's buffer. */
    public boolean hasBuffered() {
        return pos < limit;
    }

    /**
     * Throws away everything buffered (STARTTLS, RFC 3207 6 / CVE-2011-0411).
     *
     * @return how many bytes were dropped
     */
    public int discardBuffered() {
        int dropped = limit - pos;
        pos = limit;
        return dropped;
    }

    private boolean fill() throws IOException {
        if (hasDeadline && System.nanoTime() - deadline > 0) {
            throw new SessionTimeoutException();
        }
        if (in.available() <= 0) {
            beforeBlocking.run();
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
