package org.tegami.smtp.command;

import org.tegami.smtp.codec.SmtpReply;

/** What a command asks the session to do next. */
public sealed interface Response {

    /** Send this reply; close the connection after it when {@code close}. */
    record Send(SmtpReply reply, boolean close) implements Response {
    }

    /** Send 354 and read the message (DATA). */
    record ReceiveData() implements Response {
    }

    /** Read a BDAT chunk into the open transaction. */
    record ReceiveChunk(long size, boolean last) implements Response {
    }

    /** Skip a BDAT chunk's octets (the command was refused but its data is on its way), then send the reply. */
    record SkipChunk(long size, SmtpReply reply) implements Response {
    }

    /** Send a 334 challenge and pass the client's line to {@code next} (AUTH). */
    record Challenge(String base64, Continuation next) implements Response {
    }

    /** Send 220, then upgrade the connection to TLS (STARTTLS). */
    record StartTls() implements Response {
    }

    /** Takes the client's answer to a challenge. */
    @FunctionalInterface
    interface Continuation {
        Response answer(String line);
    }

    static Response reply(int code, String enhanced, String text) {
        return new Send(SmtpReply.of(code, enhanced, text), false);
    }

    static Response reply(SmtpReply reply) {
        return new Send(reply, false);
    }

    static Response close(int code, String enhanced, String text) {
        return new Send(SmtpReply.of(code, enhanced, text), true);
    }
}
