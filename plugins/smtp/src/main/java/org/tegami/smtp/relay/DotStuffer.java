package org.tegami.smtp.relay;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes message content as SMTP DATA (RFC 5321 4.5.2): a {@code .} at the start of a line is
 * doubled, on the fly, and {@link #finish()} ends the data with {@code CRLF.CRLF}, adding the
 * CRLF the content lacked at its end. The content is expected with CRLF line ends (as the
 * spool keeps it); a line starts after every LF. Does not close the wrapped stream.
 */
public final class DotStuffer extends FilterOutputStream {

    private static final byte[] END = {'.', '\r', '\n'};

    /** Whether the next byte starts a line. */
    private boolean lineStart = true;
    private int last = -1;
    private int beforeLast = -1;

    public DotStuffer(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (lineStart && b == '.') {
            out.write('.');
        }
        out.write(b);
        remember(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int from = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (lineStart && b == '.') {
                // Write up to and including this dot, then a second dot from the next run.
                out.write(bytes, from, i - from + 1);
                from = i;
            }
            lineStart = b == '\n';
        }
        out.write(bytes, from, end - from);
        if (length >= 2) {
            beforeLast = bytes[end - 2];
            last = bytes[end - 1];
        } else if (length == 1) {
            beforeLast = last;
            last = bytes[offset];
        }
    }

    private void remember(int b) {
        beforeLast = last;
        last = b & 0xff;
        lineStart = b == '\n';
    }

    /** Ends the data: CRLF if the content did not end with one, then {@code .CRLF}. */
    public void finish() throws IOException {
        if (!(beforeLast == '\r' && last == '\n')) {
            out.write('\r');
            out.write('\n');
        }
        out.write(END);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
