package org.tegami.imap.mime;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes quoted-printable (RFC 2045 6.7) while reading: {@code =XX} becomes the byte, a soft
 * line break {@code =CRLF} disappears, anything malformed passes through as written.
 */
public final class QuotedPrintableInputStream extends FilterInputStream {

    private final int[] pending = new int[3];
    private int pendingCount;
    private int pendingPos;

    public QuotedPrintableInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            if (pendingPos < pendingCount) {
                return pending[pendingPos++];
            }
            int c = in.read();
            if (c != '=') {
                return c;
            }
            int a = in.read();
            if (a == '\n') {
                continue;
            }
            if (a == '\r') {
                int b = in.read();
                if (b == '\n' || b < 0) {
                    continue;
                }
                return queue('=', '\r', b);
            }
            int b = a < 0 ? -1 : in.read();
            int hi = a < 0 ? -1 : Character.digit(a, 16);
            int lo = b < 0 ? -1 : Character.digit(b, 16);
            if (hi >= 0 && lo >= 0) {
                return hi * 16 + lo;
            }
            return queue('=', a, b);
        }
    }

    /** Returns the first byte and keeps the rest (end-of-input markers dropped). */
    private int queue(int first, int second, int third) {
        pendingCount = 0;
        pendingPos = 0;
        if (second >= 0) {
            pending[pendingCount++] = second;
        }
        if (third >= 0 && second >= 0) {
            pending[pendingCount++] = third;
        }
        return first;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            b[off + n++] = (byte) c;
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
