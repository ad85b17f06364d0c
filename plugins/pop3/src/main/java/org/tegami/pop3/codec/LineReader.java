package org.tegami.pop3.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads CRLF-terminated command lines (a bare LF is accepted too, as most servers do) with a
 * length limit. An over-long line is read to its end and thrown away, so the next line is
 * still in step with the client. Not thread-safe: one per session.
 */
public final class LineReader {

    private final InputStream in;
    private final int maxLength;

    /**
     * @param in the connection's (buffered) input
     * @param maxLength the most octets a line may have, CRLF not counted
     */
    public LineReader(InputStream in, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        this.in = in;
        this.maxLength = maxLength;
    }

    /**
     * Reads one line, without its line end, decoded as UTF-8 (user names and passwords may
     * be UTF-8; commands are ASCII).
     *
     * @return the line, or {@code null} when the client closed the connection
     * @throws LineTooLongException when the line had more than the limit (it has been skipped)
     * @throws IOException on read errors and timeouts
     */
    public String readLine() throws IOException, LineTooLongException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                if (tooLong) {
                    throw new LineTooLongException(maxLength);
                }
                return decode(line);
            }
            if (!tooLong) {
                line.write(b);
                // the CR of a CRLF does not count against the limit
                if (line.size() > maxLength + 1) {
                    tooLong = true;
                    line.reset();
                }
            }
        }
        // end of stream; a last line without its line end has nobody left to answer
        return null;
    }

    private String decode(ByteArrayOutputStream line) throws LineTooLongException {
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (length > maxLength) {
            throw new LineTooLongException(maxLength);
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** A line was longer than the limit; it has been consumed and discarded. */
    public static final class LineTooLongException extends Exception {

        private static final long serialVersionUID = 1L;

        LineTooLongException(int maxLength) {
            super("line longer than " + maxLength + " octets");
        }
    }
}
