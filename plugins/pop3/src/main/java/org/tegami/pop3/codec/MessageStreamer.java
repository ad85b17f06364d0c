package org.tegami.pop3.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a message into a multi-line response without holding it in memory: dot-stuffs lines
 * that begin with "." (RFC 1939 section 3), turns a bare LF into CRLF, ends the last line with
 * CRLF, and for TOP stops after the header, the blank line and the requested number of body
 * lines (RFC 1939 section 7). Bytes are otherwise passed through unchanged, so a client that
 * undoes the stuffing gets the stored message byte for byte.
 */
final class MessageStreamer {

    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final byte[] outBuffer = new byte[CHUNK + 2];
    private int outCount;

    MessageStreamer(OutputStream out) {
        this.out = out;
    }

    /**
     * @param in the message
     * @param bodyLines how many body lines to send, or a negative number for the whole message
     */
    void copy(InputStream in, long bodyLines) throws IOException {
        byte[] inBuffer = new byte[CHUNK];
        boolean lineStart = true;
        boolean lineEmpty = true;
        boolean inBody = false;
        boolean previousCr = false;
        long bodyLinesSent = 0;
        int n;
        reading:
        while ((n = in.read(inBuffer)) != -1) {
            for (int i = 0; i < n; i++) {
                byte b = inBuffer[i];
                if (lineStart) {
                    if (inBody && bodyLines >= 0 && bodyLinesSent >= bodyLines) {
                        break reading;
                    }
                    if (b == '.') {
                        put((byte) '.');
                    }
                    lineStart = false;
                }
                if (b == '\n') {
                    if (!previousCr) {
                        put((byte) '\r');
                    }
                    put(b);
                    if (inBody) {
                        bodyLinesSent++;
                    } else if (lineEmpty) {
                        inBody = true;
                    }
                    lineStart = true;
                    lineEmpty = true;
                    previousCr = false;
                    continue;
                }
                put(b);
                previousCr = b == '\r';
                if (!previousCr) {
                    lineEmpty = false;
                }
            }
        }
        if (!lineStart) {
            if (!previousCr) {
                put((byte) '\r');
            }
            put((byte) '\n');
        }
        drain();
    }

    private void put(byte b) throws IOException {
        if (outCount == outBuffer.length) {
            drain();
        }
        outBuffer[outCount++] = b;
    }

    private void drain() throws IOException {
        out.write(outBuffer, 0, outCount);
        outCount = 0;
    }
}
