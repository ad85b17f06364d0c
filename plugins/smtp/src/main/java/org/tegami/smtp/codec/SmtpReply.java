package org.tegami.smtp.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tegami.api.Reply;

/**
 * An SMTP reply of one or more lines (RFC 5321 4.2). The enhanced status code (RFC 2034), when
 * present, starts the text of every line.
 *
 * @param code the reply code
 * @param enhanced the enhanced status code, or {@code null} (greeting, EHLO, SASL challenges)
 * @param lines one or more texts, none containing CR or LF
 */
public record SmtpReply(int code, String enhanced, List<String> lines) {

    public SmtpReply {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply needs a line");
        }
        for (String line : lines) {
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("reply text must not contain CR or LF");
            }
        }
    }

    public static SmtpReply of(int code, String enhanced, String text) {
        return new SmtpReply(code, enhanced, List.of(text));
    }

    public static SmtpReply of(Reply reply) {
        return new SmtpReply(reply.code(), reply.enhanced(), List.of(reply.text()));
    }

    public boolean isPositive() {
        return code < 400;
    }

    public boolean isPermanent() {
        return code >= 500;
    }

    /** The wire form: {@code 250-first}, ..., {@code 250 last}, each ending in CRLF. */
    public byte[] encode() {
        StringBuilder out = new StringBuilder(64 * lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (enhanced != null) {
                out.append(enhanced).append(' ');
            }
            out.append(lines.get(i)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The first line without its ending, for logs. */
    @Override
    public String toString() {
        return code + (enhanced == null ? "" : " " + enhanced) + " " + lines.get(0) + (lines.size() > 1 ? " ..." : "");
    }
}
