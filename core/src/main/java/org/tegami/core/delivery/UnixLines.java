package org.tegami.core.delivery;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a spooled message (CRLF) to a local program or mbox file with LF line ends, as
 * Unix tools expect; for mbox, lines starting with {@code >*From } get one more {@code >}.
 */
final class UnixLines {

    private UnixLines() {
    }

    /** @return whether the last line written ended with LF */
    static boolean copy(Path message, OutputStream out, boolean quoteFrom) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(message))) {
            byte[] line = new byte[8192];
            int len = 0;
            boolean endedWithLf = true;
            int c;
            while ((c = in.read()) >= 0) {
                if (len == line.length) {
                    line = java.util.Arrays.copyOf(line, len * 2);
                }
                line[len++] = (byte) c;
                if (c == '\n') {
                    writeLine(out, line, len, quoteFrom);
                    len = 0;
                }
            }
            if (len > 0) {
                writeLine(out, line, len, quoteFrom);
                endedWithLf = false;
            }
            return endedWithLf;
        }
    }

    private static void writeLine(OutputStream out, byte[] line, int len, boolean quoteFrom) throws IOException {
        int end = len;
        if (end >= 2 && line[end - 1] == '\n' && line[end - 2] == '\r') {
            line[end - 2] = '\n';
            end--;
        }
        if (quoteFrom && isFromLine(line, end)) {
            out.write('>');
        }
        out.write(line, 0, end);
    }

    private static boolean isFromLine(byte[] line, int len) {
        int i = 0;
        while (i < len && line[i] == '>') {
            i++;
        }
        return len - i >= 5 && line[i] == 'F' && line[i + 1] == 'r' && line[i + 2] == 'o' && line[i + 3] == 'm'
                && line[i + 4] == ' ';
    }
}
