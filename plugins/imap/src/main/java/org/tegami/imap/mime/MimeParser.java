package org.tegami.imap.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a message's MIME structure in one streaming pass (RFC 2045, RFC 2046 5.1 multipart,
 * 5.2.1 message/rfc822, 5.1.5 multipart/digest defaults). Only headers are kept (each block up
 * to {@link #MAX_HEADER} bytes); bodies are known by offsets. Tolerant like real clients:
 * a missing close delimiter ends at the end of input, a part without blank line has an empty
 * body. Nesting deeper than {@link #MAX_DEPTH} is treated as an opaque body.
 */
public final class MimeParser {

    static final int MAX_HEADER = 256 * 1024;
    static final int MAX_DEPTH = 40;

    private final LineSource src;
    private final List<byte[]> boundaries = new ArrayList<>();

    private MimeParser(InputStream in, int bufferSize) {
        this.src = new LineSource(in, bufferSize);
    }

    /** Parses a whole message. */
    public static MimePart parse(InputStream in) throws IOException {
        return new MimeParser(in, 16384).part(false, 0);
    }

    /** Reads only the top-level header (for ENVELOPE and header searches), not much beyond it. */
    public static MimeHeader parseHeader(InputStream in) throws IOException {
        MimeParser p = new MimeParser(in, 2048);
        return MimeHeader.parse(p.readHeader());
    }

    private byte[] readHeader() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(1024);
        while (src.next()) {
            if (boundaryIndex() >= 0) {
                src.pushBack();
                break;
            }
            if (header.size() < MAX_HEADER) {
                header.write(src.line, 0, src.length);
                if (src.terminator > 0) {
                    header.write('\r');
                    header.write('\n');
                }
            }
            if (src.isEmptyLine()) {
                break;
            }
        }
        return header.toByteArray();
    }

    private MimePart part(boolean inDigest, int depth) throws IOException {
        long start = src.nextStart();
        MimeHeader header = MimeHeader.parse(readHeader());
        long bodyStart = src.nextStart();
        long startLines = src.lines;
        String ctText = header.get("Content-Type");
        ParameterizedValue ct = ParameterizedValue.parse(ctText);
        if (ct.value().indexOf('/') <= 0) {
            ct = ParameterizedValue.parse(inDigest ? "message/rfc822" : "text/plain; charset=us-ascii");
        }
        List<MimePart> children = new ArrayList<>();
        String boundary = ct.parameter("BOUNDARY");
        boolean multipart = ct.value().startsWith("multipart/") && boundary != null && !boundary.isEmpty();
        boolean message = ct.value().equals("message/rfc822") || ct.value().equals("message/global");
        if (multipart && depth < MAX_DEPTH) {
            multipartBody(boundary, ct.value().equals("multipart/digest"), depth, children);
        } else if (message && depth < MAX_DEPTH && !encoded(header)) {
            children.add(part(false, depth + 1));
        } else {
            skipToBoundary();
        }
        long limit = src.nextStart() - (atBoundary() ? src.previousTerminator : 0);
        // A header cut off by a boundary (no empty line) leaves no body, and the CRLF before the
        // boundary belongs to it (RFC 2046 5.1.1): the part must not reach past that CRLF.
        bodyStart = Math.max(start, Math.min(bodyStart, limit));
        long end = Math.max(bodyStart, limit);
        for (int i = 0; i < children.size(); i++) {
            children.set(i, within(children.get(i), bodyStart, end));
        }
        long lines = src.lines - startLines;
        if (atBoundary() && lines > 0 && src.previousEmpty) {
            // the empty last line is only the CRLF that belongs to the boundary (RFC 2046 5.1.1)
            lines--;
        }
        return new MimePart(header, ct, start, bodyStart, end, lines, children);
    }

    /**
     * The part kept inside its parent's body {@code [from, to]}: only an empty part at a boundary
     * whose CRLF its parent gave up can lie outside, and it becomes an empty part at the edge.
     */
    private static MimePart within(MimePart part, long from, long to) {
        if (part.start() >= from && part.end() <= to) {
            return part;
        }
        long start = Math.min(Math.max(part.start(), from), to);
        long bodyStart = Math.min(Math.max(part.bodyStart(), start), to);
        long end = Math.min(Math.max(part.end(), bodyStart), to);
        List<MimePart> children = new ArrayList<>();
        for (MimePart child : part.children()) {
            children.add(within(child, bodyStart, end));
        }
        return new MimePart(part.header(), part.contentType(), start, bodyStart, end,
                end == bodyStart ? 0 : part.bodyLines(), children);
    }

    /** A message/rfc822 part in base64 or quoted-printable cannot be parsed in place. */
    private static boolean encoded(MimeHeader header) {
        String cte = header.get("Content-Transfer-Encoding");
        return cte != null && !cte.isBlank() && !cte.strip().matches("(?i)7bit|8bit|binary");
    }

    private boolean pendingBoundary;

    private boolean atBoundary() {
        return pendingBoundary;
    }

    private void skipToBoundary() throws IOException {
        pendingBoundary = false;
        while (src.next()) {
            if (boundaryIndex() >= 0) {
                src.pushBack();
                pendingBoundary = true;
                return;
            }
        }
    }

    private void multipartBody(String boundary, boolean digest, int depth, List<MimePart> children)
            throws IOException {
        byte[] b = boundary.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        boundaries.add(b);
        int mine = boundaries.size() - 1;
        pendingBoundary = false;
        try {
            while (src.next()) {
                int which = boundaryIndex();
                if (which < 0) {
                    continue;
                }
                if (which != mine) {
                    src.pushBack();
                    pendingBoundary = true;
                    return;
                }
                if (isClose(b)) {
                    // epilogue, up to an enclosing boundary or the end
                    boundaries.remove(mine);
                    skipToBoundary();
                    return;
                }
                children.add(part(digest, depth + 1));
            }
            pendingBoundary = false;
        } finally {
            if (boundaries.size() > mine) {
                boundaries.remove(mine);
            }
        }
    }

    /** The innermost boundary the current line is a delimiter of, or -1 (RFC 2046 5.1.1). */
    private int boundaryIndex() {
        if (src.length < 3 || src.line[0] != '-' || src.line[1] != '-') {
            return -1;
        }
        for (int i = boundaries.size() - 1; i >= 0; i--) {
            byte[] b = boundaries.get(i);
            if (matches(b)) {
                return i;
            }
        }
        return -1;
    }

    private boolean matches(byte[] b) {
        if (src.length < 2 + b.length) {
            return false;
        }
        for (int k = 0; k < b.length; k++) {
            if (src.line[2 + k] != b[k]) {
                return false;
            }
        }
        int rest = 2 + b.length;
        if (rest + 1 < src.length && src.line[rest] == '-' && src.line[rest + 1] == '-') {
            rest += 2;
        } else if (rest + 1 == src.length && src.line[rest] == '-') {
            return false;
        }
        for (int k = rest; k < src.length; k++) {
            if (src.line[k] != ' ' && src.line[k] != '\t') {
                return false;
            }
        }
        return !src.truncated;
    }

    private boolean isClose(byte[] b) {
        int rest = 2 + b.length;
        return src.length >= rest + 2 && src.line[rest] == '-' && src.line[rest + 1] == '-';
    }
}
