package org.tegami.imap.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tegami.imap.mime.EncodedWords;
import org.tegami.imap.mime.MimeHeader;
import org.tegami.imap.mime.MimePart;
import org.tegami.imap.mime.TransferDecoding;

/**
 * Searches the text of a message's body: every text part, decoded from its transfer encoding
 * and charset, and the headers of enclosed messages. Reads the message once, front to back;
 * each part is read up to {@link #MAX_PART} bytes.
 */
final class BodyText {

    static final int MAX_PART = 8 * 1024 * 1024;

    private BodyText() {
    }

    static boolean contains(SearchTarget m, String foldedNeedle) throws IOException {
        MimePart root = m.structure();
        List<MimePart> leaves = new ArrayList<>();
        List<MimeHeader> innerHeaders = new ArrayList<>();
        collect(root, leaves, innerHeaders, true);
        for (MimeHeader h : innerHeaders) {
            for (MimeHeader.Field f : h.fields()) {
                if (SearchEvaluator.fold(EncodedWords.decode(f.value())).contains(foldedNeedle)) {
                    return true;
                }
            }
        }
        if (foldedNeedle.isEmpty()) {
            return true;
        }
        try (InputStream in = m.open()) {
            long position = 0;
            for (MimePart leaf : leaves) {
                in.skipNBytes(leaf.bodyStart() - position);
                int length = (int) Math.min(MAX_PART, leaf.bodySize());
                byte[] body = in.readNBytes(length);
                position = leaf.bodyStart() + body.length;
                byte[] decoded = TransferDecoding.decode(body, leaf.transferEncoding());
                String text = new String(decoded, charset(leaf.contentType().parameter("CHARSET")));
                if (SearchEvaluator.fold(text).contains(foldedNeedle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collect(MimePart part, List<MimePart> leaves, List<MimeHeader> headers, boolean top) {
        if (part.isMultipart() && !part.children().isEmpty()) {
            for (MimePart child : part.children()) {
                collect(child, leaves, headers, false);
            }
        } else if (part.isMessage()) {
            MimePart inner = part.children().get(0);
            headers.add(inner.header());
            collect(inner, leaves, headers, false);
        } else if (part.type().equals("text") || part.isMultipart()) {
            leaves.add(part);
        }
    }

    private static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset c = Charset.forName(name);
            return c.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : c;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
