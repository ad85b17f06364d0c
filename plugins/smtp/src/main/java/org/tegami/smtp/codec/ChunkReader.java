package org.tegami.smtp.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The content of a BDAT transaction (RFC 3030) as one stream read straight from the client:
 * the octets of each chunk in turn, asking the session for the next chunk (which answers the
 * previous one and reads the next BDAT command) until the LAST one. The content must be CRLF
 * text like DATA content (we offer no BINARYMIME), so bare CR and LF are refused here too; a
 * final CRLF is added when the last chunk does not end a line.
 *
 * <p>A refusal throws {@link DataRejectedException} (the spool stores nothing); the session then
 * calls {@link #drainChunk()} to skip the rest of the current chunk. Not thread-safe.
 */
public final class ChunkReader extends InputStream {

    /** Where the next chunk comes from. */
    @FunctionalInterface
    public interface ChunkSource {
        /**
         * Acknowledges the chunk just read and reads the client's next command.
         *
         * @return the next chunk, or {@code null} when the client sent another command instead
         */
        Chunk next() throws IOException;
    }

    /** One BDAT command's size and LAST flag. */
    public record Chunk(long size, boolean last) {
    }

    /** Thrown when the client broke off the chunk sequence with another command. */
    public static final class AbortedException extends IOException {
        private static final long serialVersionUID = 1L;

        AbortedException() {
            super("BDAT sequence interrupted by another command");
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private final LineReader source;
    private final long maxSize;
    private final ChunkSource chunks;
    private final LineEndingCheck check;
    private long remaining;
    private boolean last;
    private long size;
    private int trailer = -1;
    private DataRejectedException rejection;
    private boolean clientFailed;

    public ChunkReader(LineReader source, long maxSize, int maxLine, Chunk first, ChunkSource chunks) {
        this.source = source;
        this.maxSize = maxSize;
        this.chunks = chunks;
        this.check = new LineEndingCheck(maxLine);
        this.remaining = first.size();
        this.last = first.last();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (rejection != null) {
            throw rejection;
        }
        if (len == 0) {
            return 0;
        }
        while (remaining == 0) {
            if (last) {
                return readTrailer(b, off, len);
            }
            Chunk next = chunks.next();
            if (next == null) {
                throw new AbortedException();
            }
            remaining = next.size();
            last = next.last();
        }
        int n;
        try {
            n = source.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("connection closed within a BDAT chunk");
            }
        } catch (IOException e) {
            clientFailed = true;
            throw e;
        }
        remaining -= n;
        size += n;
        LineEndingCheck.Problem problem = check.feed(b, off, n);
        if (problem != null) {
            throw reject(DataRejectedException.of(problem));
        }
        if (size > maxSize) {
            throw reject(DataRejectedException.tooBig());
        }
        return n;
    }

    private int readTrailer(byte[] b, int off, int len) throws IOException {
        if (trailer < 0) {
            LineEndingCheck.Problem problem = check.finish();
            if (problem != null) {
                throw reject(DataRejectedException.of(problem));
            }
            trailer = check.atLineEnd() ? CRLF.length : 0;
        }
        if (trailer == CRLF.length) {
            return -1;
        }
        int count = Math.min(len, CRLF.length - trailer);
        System.arraycopy(CRLF, trailer, b, off, count);
        trailer += count;
        return count;
    }

    private DataRejectedException reject(DataRejectedException e) {
        rejection = e;
        return e;
    }

    /** Skips what is left of the current chunk. */
    public void drainChunk() throws IOException {
        byte[] scratch = new byte[8192];
        while (remaining > 0) {
            int n = source.read(scratch, 0, (int) Math.min(scratch.length, remaining));
            if (n < 0) {
                throw new EOFException("connection closed within a BDAT chunk");
            }
            remaining -= n;
        }
    }

    /** Whether the LAST chunk has been read to its end. */
    public boolean finished() {
        return last && remaining == 0;
    }

    public DataRejectedException rejection() {
        return rejection;
    }

    public boolean clientFailed() {
        return clientFailed;
    }
}
