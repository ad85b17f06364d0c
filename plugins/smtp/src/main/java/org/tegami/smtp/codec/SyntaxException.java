package org.tegami.smtp.codec;

/** A command argument that does not parse; {@link #reply()} says why, in client words. */
public final class SyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    public SyntaxException(int code, String enhanced, String text) {
        super(text);
        this.reply = SmtpReply.of(code, enhanced, text);
    }

    public SmtpReply reply() {
        return reply;
    }
}
