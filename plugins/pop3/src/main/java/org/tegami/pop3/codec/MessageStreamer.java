package org.tegami.pop3.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a message into a multi-line response without holding it in memory: dot-stuffs lines
 * that begin with "." (RFC 1939 section 3), turns a bare LF into CRLF, ends the last line with
 * CRLF, and for TOP stops after the header, the blank line and the requested number of body
 * lines (RFC 1939 section 7). Bytes are otherwise passed through unchanged, so a client that
 * undoes the stuffing gets the stored message byte for byte. Runs between line ends are copied
 * as blocks; only line starts and ends are looked at.
 */
final class MessageStreamer {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] DOT = {'.'};

    private final OutputStream out;

    private boolean lineStart = true;
    /** Octets of the current line so far, its CR included. */
    private long lineLength;
    private boolean previousCr;
    private boolean inBody;
    private long bodyLinesSent;

    MessageStreamer(OutputStream out) {
        this.out = out;
    }

    /**
     * @param in the message
     * @param bodyLines how many body lines to send, or a negative number for the whole message
     */
    void copy(InputStream in, long bodyLines) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (!copyChunk(buffer, n, bodyLines)) {
                return;
            }
        }
        if (!lineStart) {
            out.write(CRLF, previousCr ? 1 : 0, previousCr ? 1 : 2);
        }
    }

    /** @return false once TOP has sent all it should */
    private boolean copyChunk(byte[] buffer, int length, long bodyLines) throws IOException {
        int i = 0;
        while (i < length) {
            if (lineStart) {
                if (inBody && bodyLines >= 0 && bodyLinesSent >= bodyLines) {
                    return false;
                }
                if (buffer[i] == '.') {
                    out.write(DOT);
                }
                lineStart = false;
            }
            int end = indexOf(buffer, i, length);
            if (end < 0) {
                out.write(buffer, i, length - i);
                lineLength += length - i;
                previousCr = buffer[length - 1] == '\r';
                return true;
            }
            boolean crBefore = end > i ? buffer[end - 1] == '\r' : previousCr;
            lineLength += end - i;
            if (crBefore) {
                out.write(buffer, i, end + 1 - i);
            } else {
                out.write(buffer, i, end - i);
                out.write(CRLF);
            }
            endOfLine(crBefore ? lineLength - 1 : lineLength);
            i = end + 1;
        }
        return true;
    }

    private void endOfLine(long contentLength) {
        if (inBody) {
            bodyLinesSent++;
        } else if (contentLength == 0) {
            // the empty line between header and body (RFC 5322 section 2.1)
            inBody = true;
        }
        lineStart = true;
        lineLength = 0;
        previousCr = false;
    }

    private static int indexOf(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
