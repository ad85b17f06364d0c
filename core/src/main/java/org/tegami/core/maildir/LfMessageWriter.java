package org.tegami.core.maildir;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a message into a Maildir file with LF line ends, as Postfix and Dovecot store them,
 * and fsyncs it. Counts the file size ({@code S=}) and the size with CRLF ({@code W=}, what
 * IMAP RFC822.SIZE and POP3 report): every LF becomes CRLF when read back.
 */
final class LfMessageWriter {

    /** The sizes of a written file. */
    record Sizes(long fileSize, long crlfSize) {
    }

    private LfMessageWriter() {
    }

    /**
     * @param prefix header lines to put first (LF line ends), or empty
     * @param content the message, CRLF or LF line ends; read to its end, not closed
     */
    static Sizes write(Path file, String prefix, InputStream content) throws IOException {
        long size = 0;
        long lines = 0;
        try (FileOutputStream fos = new FileOutputStream(file.toFile());
                OutputStream out = new BufferedOutputStream(fos, 65536)) {
            byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
            out.write(head);
            size += head.length;
            lines += count(head);
            InputStream in = new BufferedInputStream(content, 65536);
            boolean pendingCr = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (pendingCr) {
                    pendingCr = false;
                    if (b != '\n') {
                        out.write('\r');
                        size++;
                    }
                }
                if (b == '\r') {
                    pendingCr = true;
                    continue;
                }
                out.write(b);
                size++;
                if (b == '\n') {
                    lines++;
                }
            }
            if (pendingCr) {
                out.write('\r');
                size++;
            }
            out.flush();
            fos.getFD().sync();
        }
        return new Sizes(size, size + lines);
    }

    private static long count(byte[] bytes) {
        long n = 0;
        for (byte x : bytes) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The size with CRLF line ends of a file written by another tool (one that may already hold CRLF). */
    static long crlfSize(InputStream in) throws IOException {
        long size = 0;
        int prev = -1;
        int b;
        InputStream buffered = new BufferedInputStream(in, 65536);
        while ((b = buffered.read()) >= 0) {
            size += (b == '\n' && prev != '\r') ? 2 : 1;
            prev = b;
        }
        return size;
    }
}
