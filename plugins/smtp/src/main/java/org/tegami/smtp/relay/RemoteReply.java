package org.tegami.smtp.relay;

import java.util.List;
import org.tegami.api.Reply;

/**
 * A reply received from a remote SMTP server (RFC 5321 4.2), one or more lines.
 *
 * @param code the three-digit reply code
 * @param enhanced the enhanced status code (RFC 3463) from the first line, or {@code null}
 * @param lines the text of each line, the enhanced code removed when every line carried it
 */
public record RemoteReply(int code, String enhanced, List<String> lines) {

    public RemoteReply {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
    }

    public boolean isPositive() {
        return code >= 200 && code < 400;
    }

    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    public boolean isPermanent() {
        return code >= 500;
    }

    /** The text of all lines joined by a space: what a DSN quotes. */
    public String text() {
        return String.join(" ", lines).strip();
    }

    /**
     * The reply as the API's one-line {@link Reply}. A code outside 200..599 (a broken server)
     * becomes {@code 451 4.5.0}, since nothing sure can be said about it.
     */
    public Reply toReply() {
        String text = text().isEmpty() ? "(no text)" : text();
        if (code < 200 || code > 599) {
            return Reply.of(451, "4.5.0", "unexpected reply " + code + " " + text);
        }
        return Reply.of(code, enhanced, text);
    }

    /** {@code 250 2.0.0 first line}, for logs. */
    @Override
    public String toString() {
        return code + (enhanced == null ? "" : " " + enhanced) + " " + lines.get(0) + (lines.size() > 1 ? " ..." : "");
    }
}
