package org.tegami.core.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Line I/O for the test protocol handlers of this package. */
final class HandlerLines {

    private HandlerLines() {
    }

    /**
     * Reads one CRLF line byte by byte, so that only the connection's own buffer holds bytes
     * ahead of the handler (that buffer is the one STARTTLS must empty).
     *
     * @return the line without its end, or {@code null} at the end of input
     */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return null;
    }

    /** Writes one line with CRLF and flushes it. */
    static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
