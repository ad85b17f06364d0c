package org.tegami.imap.mime;

import java.util.List;
import java.util.Locale;

/**
 * One entity of a parsed message (RFC 2045): its header, where it lies in the message, and its
 * children. Byte offsets let BODY[section] be streamed from the message file instead of kept
 * in memory.
 *
 * @param header the entity's header fields
 * @param start offset of the header's first byte
 * @param bodyStart offset of the body (after the blank line)
 * @param end offset just after the body (before the CRLF that precedes a boundary)
 * @param bodyLines lines in the body
 * @param children the parts of a multipart; for message/rfc822, one child: the enclosed message
 */
public record MimePart(MimeHeader header, ParameterizedValue contentType, long start, long bodyStart, long end,
        long bodyLines, List<MimePart> children) {

    public MimePart {
        children = List.copyOf(children);
    }

    public String type() {
        int slash = contentType.value().indexOf('/');
        return slash < 0 ? contentType.value() : contentType.value().substring(0, slash);
    }

    public String subtype() {
        int slash = contentType.value().indexOf('/');
        return slash < 0 ? "" : contentType.value().substring(slash + 1);
    }

    public boolean isMultipart() {
        return type().equals("multipart");
    }

    /** A message/rfc822 (or message/global) part, whose one child is the enclosed message. */
    public boolean isMessage() {
        return type().equals("message") && (subtype().equals("rfc822") || subtype().equals("global"))
                && children.size() == 1;
    }

    public long bodySize() {
        return end - bodyStart;
    }

    public long headerSize() {
        return bodyStart - start;
    }

    /** Content-Transfer-Encoding, upper case, {@code 7BIT} when absent. */
    public String transferEncoding() {
        String cte = header.get("Content-Transfer-Encoding");
        return cte == null || cte.isBlank() ? "7BIT" : cte.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The part for a section path (RFC 3501 6.4.5): numbers count the parts of a multipart;
     * a message/rfc822 part is stepped through to its message; part 1 of a non-multipart is
     * its own body.
     *
     * @return the part, or {@code null} if there is no such part
     */
    public MimePart find(List<Integer> path) {
        MimePart current = this;
        for (int n : path) {
            if (current.isMessage()) {
                current = current.children().get(0);
            }
            if (current.isMultipart()) {
                if (n < 1 || n > current.children().size()) {
                    return null;
                }
                current = current.children().get(n - 1);
            } else if (n != 1) {
                return null;
            }
        }
        return current;
    }
}
