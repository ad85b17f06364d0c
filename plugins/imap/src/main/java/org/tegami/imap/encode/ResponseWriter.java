package org.tegami.imap.encode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes responses to the client (RFC 3501 7). Text goes out as UTF-8; message content is
 * streamed as literals. The connection's output is buffered, so a whole response is sent by
 * one {@link #flush()}. Used by one thread at a time: the session thread, or IDLE's updates on a
 * shared thread while the session thread waits for DONE, under an exclusion of their own.
 */
public final class ResponseWriter {

    private final OutputStream out;

    public ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** {@code * text}. */
    public void untagged(String text) throws IOException {
        write("* ");
        write(text);
        write("\r\n");
    }

    /** {@code tag OK [CODE] text}; {@code code} may be null. */
    public void tagged(String tag, String status, String code, String text) throws IOException {
        write(tag);
        write(" ");
        write(status);
        write(" ");
        if (code != null) {
            write("[");
            write(code);
            write("] ");
        }
        write(text);
        write("\r\n");
    }

    /** {@code + text}. */
    public void continuation(String text) throws IOException {
        write("+ ");
        write(text);
        write("\r\n");
    }

    public void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** A literal from memory. */
    public void literal(byte[] bytes) throws IOException {
        write("{" + bytes.length + "}\r\n");
        out.write(bytes);
    }

    /**
     * A literal streamed from {@code in}: exactly {@code length} bytes, padded with spaces if the
     * source ends early, so the client's framing stays right.
     */
    public void literal(InputStream in, long length) throws IOException {
        write("{" + length + "}\r\n");
        byte[] buffer = new byte[(int) Math.min(65536, Math.max(16, length))];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        while (left > 0) {
            out.write(' ');
            left--;
        }
    }

    public void flush() throws IOException {
        out.flush();
    }
}
