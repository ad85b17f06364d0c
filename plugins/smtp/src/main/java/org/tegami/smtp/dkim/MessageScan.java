package org.tegami.smtp.dkim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One pass over a message: keeps the header section (up to {@link #MAX_HEADER} bytes) and
 * hashes the body on the way ({@link RelaxedBody}), so a large message is never held in
 * memory.
 *
 * @param fields the header fields, top to bottom
 * @param bodyHash the SHA-256 of the relaxed body
 */
public record MessageScan(List<HeaderField> fields, byte[] bodyHash) {

    /** A header section larger than this is not signed (1 MiB, far above real mail). */
    public static final int MAX_HEADER = 1 << 20;

    /** Reads the whole message. */
    public static Optional<MessageScan> read(InputStream in) throws IOException {
        return read(in, fields -> true);
    }

    /**
     * Reads the header section, and the body only if {@code wanted} says so for the fields
     * found, so a message that will not be signed costs no more than its header.
     *
     * @return empty when the header section is larger than {@link #MAX_HEADER} or the body is
     *     not wanted
     * @throws IOException from the stream
     */
    public static Optional<MessageScan> read(InputStream in, Predicate<List<HeaderField>> wanted) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        RelaxedBody body = new RelaxedBody();
        byte[] buffer = new byte[64 * 1024];
        // The last bytes of the header seen, to find CRLF CRLF across reads; a message that
        // starts with CRLF has an empty header section (RFC 5322 2.1).
        int tail = ('\r' << 8) | '\n';
        boolean inBody = false;
        List<HeaderField> fields = null;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int start = 0;
            if (!inBody) {
                for (int i = 0; i < n && !inBody; i++) {
                    tail = (tail << 8) | (buffer[i] & 0xff);
                    if (tail == 0x0d0a0d0a) {
                        inBody = true;
                        start = i + 1;
                    }
                }
                int headerBytes = inBody ? start : n;
                header.write(buffer, 0, headerBytes);
                if (header.size() > MAX_HEADER) {
                    return Optional.empty();
                }
                if (inBody) {
                    fields = fields(header, true);
                    if (!wanted.test(fields)) {
                        return Optional.empty();
                    }
                }
            }
            if (inBody) {
                body.update(buffer, start, n - start);
            }
        }
        if (fields == null) {
            // No empty line: all header, no body (RFC 5322 3.5 makes the body optional).
            fields = fields(header, false);
            if (!wanted.test(fields)) {
                return Optional.empty();
            }
        }
        return Optional.of(new MessageScan(fields, body.finish()));
    }

    private static List<HeaderField> fields(ByteArrayOutputStream header, boolean endsWithEmptyLine) {
        String section = header.toString(StandardCharsets.ISO_8859_1);
        // Without the empty line that ended it.
        return HeaderSplitter.split(endsWithEmptyLine ? section.substring(0, Math.max(0, section.length() - 2)) : section);
    }
}
