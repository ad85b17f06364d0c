package org.tegami.imap.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Locale;
import org.tegami.api.MailboxException;
import org.tegami.imap.decode.FetchItem.Binary;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.mime.MimePart;
import org.tegami.imap.mime.QuotedPrintableInputStream;
import org.tegami.imap.session.SelectedFolder;

/**
 * One BINARY[part] or BINARY.SIZE[part] (RFC 3516): the part's body with base64 or
 * quoted-printable undone, streamed. The decoded size is counted in a first pass (a literal
 * needs it up front); bytes with NUL go out as a literal8 ({@code ~{n}}).
 */
final class BinaryContent {

    private final long start;
    private final long end;
    private final String encoding;
    private final long size;
    private final boolean hasNul;

    private BinaryContent(long start, long end, String encoding, long size, boolean hasNul) {
        this.start = start;
        this.end = end;
        this.encoding = encoding;
        this.size = size;
        this.hasNul = hasNul;
    }

    /**
     * @return the content, or {@code null} if the part does not exist
     * @throws MailboxException with {@link MailboxException.Reason#CANNOT} for an unknown encoding
     */
    static BinaryContent resolve(Binary b, SelectedFolder folder, long uid, long messageSize) throws IOException {
        long from;
        long to;
        String encoding;
        if (b.part().isEmpty()) {
            from = 0;
            to = messageSize;
            encoding = "BINARY";
        } else {
            MimePart part = folder.structure(uid).find(b.part());
            if (part == null) {
                return null;
            }
            from = part.bodyStart();
            to = part.end();
            encoding = part.isMultipart() || part.isMessage() ? "BINARY" : part.transferEncoding();
        }
        if (!encoding.matches("7BIT|8BIT|BINARY|BASE64|QUOTED-PRINTABLE")) {
            throw new UnknownEncoding();
        }
        long count = 0;
        boolean nul = false;
        try (InputStream in = decoded(folder, uid, from, to, encoding)) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                count += n;
                for (int i = 0; i < n && !nul; i++) {
                    nul = buffer[i] == 0;
                }
            }
        }
        return new BinaryContent(from, to, encoding, count, nul);
    }

    long size() {
        return size;
    }

    void write(ResponseWriter out, Binary b, SelectedFolder folder, long uid) throws IOException {
        long skip = 0;
        long count = size;
        if (b.partialStart() >= 0) {
            skip = Math.min(b.partialStart(), size);
            count = Math.min(b.partialLength(), size - skip);
        }
        if (hasNul) {
            out.write("~");
        }
        try (InputStream in = decoded(folder, uid, start, end, encoding)) {
            in.skipNBytes(skip);
            out.literal(in, count);
        }
    }

    private static InputStream decoded(SelectedFolder folder, long uid, long from, long to, String encoding)
            throws IOException {
        InputStream raw = folder.view().open(uid);
        raw.skipNBytes(from);
        InputStream body = new java.io.FilterInputStream(raw) {
            private long left = to - from;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int c = super.read();
                if (c >= 0) {
                    left--;
                }
                return c;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buf, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
        return switch (encoding.toUpperCase(Locale.ROOT)) {
            case "BASE64" -> Base64.getMimeDecoder().wrap(body);
            case "QUOTED-PRINTABLE" -> new QuotedPrintableInputStream(body);
            default -> body;
        };
    }

    /** RFC 3516 4.3: the server cannot decode the part's encoding. */
    static final class UnknownEncoding extends MailboxException {
        UnknownEncoding() {
            super(Reason.CANNOT, "Unknown Content-Transfer-Encoding");
        }
    }
}
