package org.tegami.core.spool;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tegami.api.MailAddress;

/**
 * The parsed content of an {@code incoming/} file. Format: optional leading lines
 * {@code X-Envelope-From: <addr>} and {@code X-Envelope-To: <addr>} (repeatable), removed;
 * then the message. Without X-Envelope-To the recipients come from To, Cc and Bcc and the
 * Bcc header is removed (like {@code sendmail -t}); without X-Envelope-From the sender is the
 * From address. LF line ends become CRLF. Pure parsing, no I/O.
 *
 * @param sender the envelope sender, {@link MailAddress#NULL_SENDER} if none could be found
 * @param recipients the envelope recipients, possibly empty (the caller refuses that)
 * @param message the message to queue, CRLF line ends
 */
public record IncomingMessage(MailAddress sender, List<MailAddress> recipients, byte[] message) {

    private static final String FROM = "x-envelope-from:";
    private static final String TO = "x-envelope-to:";

    /** @throws IllegalArgumentException when an envelope line holds no valid address */
    public static IncomingMessage parse(byte[] raw) {
        // ISO-8859-1 maps every byte to one char, so the body survives unchanged.
        List<String> lines = lines(new String(raw, StandardCharsets.ISO_8859_1));
        MailAddress sender = null;
        List<MailAddress> to = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String lower = lines.get(i).toLowerCase(Locale.ROOT);
            if (lower.startsWith(FROM)) {
                sender = MailAddress.parse(utf8(lines.get(i).substring(FROM.length())));
            } else if (lower.startsWith(TO)) {
                to.add(MailAddress.parse(utf8(lines.get(i).substring(TO.length()))));
            } else {
                break;
            }
            i++;
        }
        List<String> rest = lines.subList(i, lines.size());
        int bodyStart = rest.indexOf("");
        int headerEnd = bodyStart < 0 ? rest.size() : bodyStart;
        List<String> out = new ArrayList<>();
        List<MailAddress> headerRcpts = new ArrayList<>();
        MailAddress headerFrom = null;
        for (int h = 0; h < headerEnd; h++) {
            int end = h + 1;
            while (end < headerEnd && (rest.get(end).startsWith(" ") || rest.get(end).startsWith("\t"))) {
                end++;
            }
            String field = String.join("", rest.subList(h, end));
            String name = field.contains(":") ? field.substring(0, field.indexOf(':')).strip().toLowerCase(Locale.ROOT) : "";
            String value = utf8(field.substring(field.indexOf(':') + 1));
            if (name.equals("to") || name.equals("cc") || name.equals("bcc")) {
                headerRcpts.addAll(HeaderAddresses.parse(value));
            } else if (name.equals("from") && headerFrom == null) {
                headerFrom = HeaderAddresses.parse(value).stream().findFirst().orElse(null);
            }
            boolean dropBcc = name.equals("bcc") && to.isEmpty();
            if (!dropBcc) {
                out.addAll(rest.subList(h, end));
            }
            h = end - 1;
        }
        out.addAll(rest.subList(headerEnd, rest.size()));
        List<MailAddress> recipients = to.isEmpty() ? headerRcpts.stream().distinct().toList() : to;
        if (sender == null) {
            sender = headerFrom == null ? MailAddress.NULL_SENDER : headerFrom;
        }
        StringBuilder b = new StringBuilder(raw.length + out.size());
        for (String line : out) {
            b.append(line).append("\r\n");
        }
        return new IncomingMessage(sender, recipients, b.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Splits at LF, dropping a CR before it; a last line without LF is kept. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf;
            int cut = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, cut));
            start = end + 1;
        }
        return lines;
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
    }
}
