package org.tegami.imap.process;

import java.io.IOException;
import java.io.InputStream;
import org.tegami.imap.decode.FetchItem.Section;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.mime.MimeHeader;
import org.tegami.imap.mime.MimeParser;
import org.tegami.imap.mime.MimePart;
import org.tegami.imap.session.SelectedFolder;

/**
 * What one BODY[section]&lt;partial&gt; refers to (RFC 3501 6.4.5): a byte range of the message,
 * streamed from the store, or a few bytes made in memory (HEADER.FIELDS). Ranges are never
 * loaded whole, so a FETCH of a large message costs a buffer, not its size.
 */
final class SectionContent {

    private final byte[] bytes;
    private final long start;
    private final long end;

    private SectionContent(byte[] bytes, long start, long end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
    }

    /** Whether the section does not exist (answered NIL). */
    boolean missing() {
        return bytes == null && start < 0;
    }

    static SectionContent resolve(Section s, SelectedFolder folder, long uid, long size) throws IOException {
        if (s.part().isEmpty()) {
            switch (s.text()) {
                case "":
                    return range(0, size);
                case "HEADER.FIELDS", "HEADER.FIELDS.NOT", "HEADER": {
                    MimeHeader header;
                    try (InputStream in = folder.view().open(uid)) {
                        header = MimeParser.parseHeader(in);
                    }
                    return s.text().equals("HEADER") ? new SectionContent(header.raw(), 0, 0)
                            : new SectionContent(header.select(s.fields(), s.text().endsWith(".NOT")), 0, 0);
                }
                default: {
                    MimePart root = folder.structure(uid);
                    return range(root.bodyStart(), root.end());
                }
            }
        }
        MimePart part = folder.structure(uid).find(s.part());
        if (part == null) {
            return new SectionContent(null, -1, -1);
        }
        MimePart target = part.isMessage() ? part.children().get(0) : part;
        return switch (s.text()) {
            case "" -> range(part.bodyStart(), part.end());
            case "MIME" -> range(part.start(), part.bodyStart());
            case "HEADER" -> range(target.start(), target.bodyStart());
            case "TEXT" -> range(target.bodyStart(), target.end());
            default -> new SectionContent(target.header().select(s.fields(), s.text().endsWith(".NOT")), 0, 0);
        };
    }

    private static SectionContent range(long from, long to) {
        return new SectionContent(null, from, Math.max(from, to));
    }

    /** Writes the content as a literal, cut to the partial range if there is one. */
    void write(ResponseWriter out, Section s, SelectedFolder folder, long uid) throws IOException {
        long length = bytes != null ? bytes.length : end - start;
        long from = 0;
        long count = length;
        if (s.partialStart() >= 0) {
            from = Math.min(s.partialStart(), length);
            count = Math.min(s.partialLength(), length - from);
        }
        if (bytes != null) {
            byte[] slice = java.util.Arrays.copyOfRange(bytes, (int) from, (int) (from + count));
            out.literal(slice);
            return;
        }
        if (count == 0) {
            out.write("\"\"");
            return;
        }
        try (InputStream in = folder.view().open(uid)) {
            in.skipNBytes(start + from);
            out.literal(in, count);
        }
    }
}
