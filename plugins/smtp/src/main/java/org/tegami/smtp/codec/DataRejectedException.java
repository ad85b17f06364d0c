package org.tegami.smtp.codec;

import java.io.IOException;

/**
 * Thrown from a message stream when its content is refused, so that the spool stores nothing;
 * the session then reads the client's data to its end and sends {@link #reply()}.
 */
public final class DataRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    public DataRejectedException(SmtpReply reply) {
        super(reply.toString());
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }

    /** RFC 1870 6.1. */
    public static DataRejectedException tooBig() {
        return new DataRejectedException(SmtpReply.of(552, "5.3.4", "Message size exceeds fixed maximum message size"));
    }

    /** RFC 5321 2.3.8 and 4.5.3.1.6. */
    public static DataRejectedException of(LineEndingCheck.Problem problem) {
        return new DataRejectedException(switch (problem) {
            case BARE_LF -> SmtpReply.of(550, "5.6.0", "Message refused: bare LF in message content (RFC 5321 2.3.8)");
            case BARE_CR -> SmtpReply.of(550, "5.6.0", "Message refused: bare CR in message content (RFC 5321 2.3.8)");
            case LINE_TOO_LONG -> SmtpReply.of(550, "5.6.0", "Message refused: line longer than 1000 octets (RFC 5321 4.5.3.1.6)");
        });
    }
}
