package org.tegami.smtp.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The content of a DATA command as a stream read straight from the client: dot-unstuffed
 * (RFC 5321 4.5.2), ending at the line {@code .} that follows a CRLF, and only there
 * (RFC 5321 4.1.1.4): an LF or CR alone never ends the data, and content containing them is
 * refused, which is what defeats "SMTP smuggling". Content over the size limit is refused too.
 *
 * <p>A refusal makes {@link #read} throw {@link DataRejectedException}, so the consumer (the
 * spool) stores nothing; the session then calls {@link #drain()} to read on to the true end
 * and answers with the refusal's reply. A closed or timed-out connection makes {@code read}
 * throw that I/O error and {@link #clientFailed()} true. Not thread-safe.
 */
public final class DataReader extends InputStream {

    private final LineReader source;
    private final long maxSize;
    private final LineEndingCheck check;
    private final byte[] piece;
    private int start;
    private int end;
    private boolean atLineStart = true;
    private boolean afterCrlf = true;
    private boolean previousEndedCr;
    private boolean finished;
    private long size;
    private DataRejectedException rejection;
    private boolean clientFailed;

    /**
     * @param maxSize the largest message accepted, in octets after unstuffing
     * @param maxLine the longest line, CRLF included
     */
    public DataReader(LineReader source, long maxSize, int maxLine) {
        this.source = source;
        this.maxSize = maxSize;
        this.check = new LineEndingCheck(maxLine);
        this.piece = new byte[Math.max(maxLine + 1, 8)];
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
        while (start == end) {
            if (finished || !nextPiece(true)) {
                return -1;
            }
        }
        int count = Math.min(len, end - start);
        System.arraycopy(piece, start, b, off, count);
        start += count;
        return count;
    }

    /** Reads and drops the rest of the data up to its true end. */
    public void drain() throws IOException {
        start = end;
        while (!finished) {
            nextPiece(false);
        }
    }

    /** Whether the end-of-data line has been read. */
    public boolean finished() {
        return finished;
    }

    /** The refusal, if the content was refused. */
    public DataRejectedException rejection() {
        return rejection;
    }

    /** Whether reading failed because the client went away or timed out. */
    public boolean clientFailed() {
        return clientFailed;
    }

    /** @return false at the end of data */
    private boolean nextPiece(boolean validate) throws IOException {
        int n;
        try {
            n = source.readRaw(piece, 0, piece.length);
            if (n < 0) {
                throw new EOFException("connection closed during DATA");
            }
        } catch (IOException e) {
            clientFailed = true;
            throw e;
        }
        boolean lineStart = atLineStart;
        atLineStart = piece[n - 1] == '\n';
        if (lineStart && afterCrlf && n == 3 && piece[0] == '.' && piece[1] == '\r' && piece[2] == '\n') {
            finished = true;
            start = end = 0;
            return false;
        }
        afterCrlf = atLineStart && (n >= 2 ? piece[n - 2] == '\r' : previousEndedCr);
        previousEndedCr = piece[n - 1] == '\r';
        start = lineStart && piece[0] == '.' ? 1 : 0;
        end = n;
        if (validate) {
            // RFC 5321 4.5.3.1.6: the stuffed dot does not count toward the line length.
            LineEndingCheck.Problem problem = check.feed(piece, start, n - start);
            size += end - start;
            if (problem != null) {
                reject(DataRejectedException.of(problem));
            } else if (size > maxSize) {
                reject(DataRejectedException.tooBig());
            }
        }
        return true;
    }

    private void reject(DataRejectedException e) throws DataRejectedException {
        rejection = e;
        start = end;
        throw e;
    }
}
