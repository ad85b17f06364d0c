package org.tegami.imap.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.tegami.imap.mime.EncodedWords;
import org.tegami.imap.mime.MimeHeader;
import org.tegami.imap.mime.MimePart;
import org.tegami.imap.mime.QuotedPrintableInputStream;

/**
 * Searches the text of a message's body: every text part, decoded from its transfer encoding
 * and charset while streaming, and the headers of enclosed messages. Reads the message once,
 * front to back, holding only a window of text, so a large message costs no more memory than
 * a small one.
 */
final class BodyText {

    private static final int WINDOW = 64 * 1024;

    private BodyText() {
    }

    static boolean contains(SearchTarget m, String foldedNeedle) throws IOException {
        if (foldedNeedle.isEmpty()) {
            return true;
        }
        MimePart root = m.structure();
        List<MimePart> leaves = new ArrayList<>();
        List<MimeHeader> innerHeaders = new ArrayList<>();
        collect(root, leaves, innerHeaders);
        for (MimeHeader h : innerHeaders) {
            for (MimeHeader.Field f : h.fields()) {
                if (SearchEvaluator.fold(EncodedWords.decode(f.value())).contains(foldedNeedle)) {
                    return true;
                }
            }
        }
        try (InputStream in = m.open()) {
            long position = 0;
            for (MimePart leaf : leaves) {
                in.skipNBytes(leaf.bodyStart() - position);
                Bounded part = new Bounded(in, leaf.bodySize());
                try {
                    if (scan(new InputStreamReader(decoded(part, leaf.transferEncoding()),
                            charset(leaf.contentType().parameter("CHARSET"))), foldedNeedle)) {
                        return true;
                    }
                } catch (IOException e) {
                    // a broken encoding ends the search in this part only
                }
                position = leaf.bodyStart() + part.consumed;
            }
        }
        return false;
    }

    private static InputStream decoded(InputStream raw, String encoding) {
        return switch (encoding.toUpperCase(Locale.ROOT)) {
            case "BASE64" -> Base64.getMimeDecoder().wrap(raw);
            case "QUOTED-PRINTABLE" -> new QuotedPrintableInputStream(raw);
            default -> raw;
        };
    }

    /** Looks for the needle in the text, a window at a time, keeping an overlap between windows. */
    static boolean scan(Reader reader, String foldedNeedle) throws IOException {
        char[] buffer = new char[WINDOW];
        String carry = "";
        int n;
        while ((n = reader.read(buffer)) > 0) {
            String text = carry + SearchEvaluator.fold(new String(buffer, 0, n));
            if (text.contains(foldedNeedle)) {
                return true;
            }
            int keep = Math.min(text.length(), foldedNeedle.length() - 1);
            carry = text.substring(text.length() - keep);
        }
        return false;
    }

    private static void collect(MimePart part, List<MimePart> leaves, List<MimeHeader> headers) {
        if (part.isMultipart() && !part.children().isEmpty()) {
            for (MimePart child : part.children()) {
                collect(child, leaves, headers);
            }
        } else if (part.isMessage()) {
            MimePart inner = part.children().get(0);
            headers.add(inner.header());
            collect(inner, leaves, headers);
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

    /** At most {@code limit} bytes of the underlying stream, counting what was read. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private final long limit;
        long consumed;

        Bounded(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            if (consumed >= limit) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                consumed++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (consumed >= limit) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, limit - consumed));
            if (n > 0) {
                consumed += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the message stream is closed by the caller
        }
    }
}
