package org.tegami.smtp.dkim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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

    /**
     * Reads the message to its end (or to the end of an oversized header section).
     *
     * @return empty when the header section is larger than {@link #MAX_HEADER}
     * @throws IOException from the stream
     */
    public static Optional<MessageScan> read(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        RelaxedBody body = new RelaxedBody();
        byte[] buffer = new byte[64 * 1024];
        // The last bytes of the header seen, to find CRLF CRLF across reads; a message that
        // starts with CRLF has an empty header section (RFC 5322 2.1).
        int tail = ('\r' << 8) | '\n';
        boolean inBody = false;
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
            }
            if (inBody) {
                body.update(buffer, start, n - start);
            }
        }
        String section = header.toString(StandardCharsets.ISO_8859_1);
        if (inBody) {
            // Without the empty line that ended it.
            section = section.substring(0, Math.max(0, section.length() - 2));
        }
        return Optional.of(new MessageScan(HeaderSplitter.split(section), body.finish()));
    }}
