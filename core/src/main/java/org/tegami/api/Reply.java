package org.tegami.api;

/**
 * A protocol outcome in SMTP terms: basic code, enhanced status code (RFC 3463) and a
 * generic text safe to show a client. Causes belong in the log, not in the text. POP3 and
 * IMAP map the class ({@link #isPermanent()} / {@link #isTransient()}) onto their own replies.
 *
 * @param code the three-digit reply code, 200..599
 * @param enhanced the enhanced status code like {@code 5.1.1}, or {@code null}
 * @param text one line of text, no CR or LF
 */
public record Reply(int code, String enhanced, String text) {

    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        if (text == null || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reply text must be one line");
        }
    }

    public static Reply of(int code, String enhanced, String text) {
        return new Reply(code, enhanced, text);
    }

    public boolean isPositive() {
        return code < 400;
    }

    /** 4xx: try again later. */
    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    /** 5xx: will not succeed as it is. */
    public boolean isPermanent() {
        return code >= 500;
    }

    /** {@code 550 5.1.1 text}, without line end. */
    @Override
    public String toString() {
        return code + (enhanced == null ? "" : " " + enhanced) + " " + text;
    }
}
