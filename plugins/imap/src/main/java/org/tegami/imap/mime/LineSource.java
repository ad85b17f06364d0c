package org.tegami.imap.mime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a message line by line, keeping byte offsets and a line count, without holding more
 * than the first {@link #MAX_KEPT} bytes of a line (enough to recognise any MIME boundary,
 * which RFC 2046 5.1.1 limits to 70 characters). One line can be pushed back.
 */
final class LineSource {

    static final int MAX_KEPT = 998;

    private final InputStream in;
    private final byte[] buffer;
    private int bufPos;
    private int bufLen;

    final byte[] line = new byte[MAX_KEPT];
    /** Kept length of the current line (without terminator). */
    int length;
    /** Whether the current line was longer than what is kept. */
    boolean truncated;
    /** The current line's terminator length: 2 CRLF, 1 LF, 0 at end of input. */
    int terminator;
    /** The terminator length of the line before the current one. */
    int previousTerminator;
    /** Whether the line before the current one was empty. */
    boolean previousEmpty;
    /** Offset of the current line's first byte. */
    long lineStart;
    /** Offset just after the current line. */
    long offset;
    /** Lines read so far, the current one included. */
    long lines;
    private boolean pushedBack;

    /** @param bufferSize how much to read at a time: small when only the header is wanted */
    LineSource(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /** Advances to the next line; false at end of input. */
    boolean next() throws IOException {
        if (pushedBack) {
            pushedBack = false;
            lines++;
            return true;
        }
        previousTerminator = terminator;
        previousEmpty = lines > 0 && length == 0 && !truncated;
        lineStart = offset;
        length = 0;
        truncated = false;
        terminator = 0;
        int prev = -1;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                break;
            }
            any = true;
            offset++;
            if (b == '\n') {
                terminator = prev == '\r' ? 2 : 1;
                if (prev == '\r' && length > 0 && !truncated) {
                    length--;
                }
                break;
            }
            if (length < MAX_KEPT) {
                line[length++] = (byte) b;
            } else {
                truncated = true;
            }
            prev = b;
        }
        if (!any) {
            return false;
        }
        lines++;
        return true;
    }

    /** Makes the next {@link #next()} return the current line again. */
    void pushBack() {
        pushedBack = true;
        lines--;
    }

    /** Offset where the next line starts (the current line's start if pushed back). */
    long nextStart() {
        return pushedBack ? lineStart : offset;
    }

    boolean isEmptyLine() {
        return length == 0 && !truncated;
    }

    private int read() throws IOException {
        if (bufPos == bufLen) {
            bufLen = in.read(buffer, 0, buffer.length);
            bufPos = 0;
            if (bufLen <= 0) {
                bufLen = 0;
                return -1;
            }
        }
        return buffer[bufPos++] & 0xff;
    }
}
