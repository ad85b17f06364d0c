package org.tegami.pop3.codec;

import java.io.InputStream;
import java.util.List;

/**
 * One response: a status line ({@code +OK}, {@code -ERR} with an optional RFC 2449 response
 * code, or a SASL {@code +} continuation), an optional multi-line body, and what the session
 * must do once it is sent. Handlers build replies; only the session writes them.
 *
 * @param status the status indicator
 * @param code an RFC 2449 / RFC 3206 response code like {@code IN-USE}, or {@code null}
 * @param text the rest of the status line, no CR or LF
 * @param body the multi-line part, or {@code null} for a single-line response
 * @param action what the session does after sending
 */
public record Pop3Reply(Status status, String code, String text, Body body, Action action) {

    public Pop3Reply {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reply text must be one line");
        }
    }

    public static Pop3Reply ok(String text) {
        return new Pop3Reply(Status.OK, null, text, null, Action.NONE);
    }

    public static Pop3Reply err(String text) {
        return new Pop3Reply(Status.ERR, null, text, null, Action.NONE);
    }

    /** A negative reply with a response code such as {@code AUTH}, {@code SYS/TEMP}, {@code IN-USE}. */
    public static Pop3Reply err(String code, String text) {
        return new Pop3Reply(Status.ERR, code, text, null, Action.NONE);
    }

    /** A SASL challenge, RFC 5034 section 4: {@code "+" SP base64}. */
    public static Pop3Reply continuation(String base64) {
        return new Pop3Reply(Status.CONTINUE, null, base64, null, Action.NONE);
    }

    /** A multi-line positive reply made of these lines. */
    public static Pop3Reply okLines(String text, List<String> lines) {
        return new Pop3Reply(Status.OK, null, text, new Body.Lines(List.copyOf(lines)), Action.NONE);
    }

    /**
     * A multi-line positive reply streaming a message.
     *
     * @param content the message (CRLF line ends); the writer reads and closes it
     * @param bodyLines how many body lines to send after the header (TOP), or -1 for all (RETR)
     */
    public static Pop3Reply okMessage(String text, InputStream content, long bodyLines) {
        return new Pop3Reply(Status.OK, null, text, new Body.Message(content, bodyLines), Action.NONE);
    }

    /** This reply with an action for the session to take after sending it. */
    public Pop3Reply then(Action next) {
        return new Pop3Reply(status, code, text, body, next);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** The status indicator. */
    public enum Status {
        OK, ERR, CONTINUE
    }

    /** What the session does once the reply has been flushed. */
    public enum Action {
        NONE,
        /** Start the TLS handshake (STLS, RFC 2595 section 4). */
        START_TLS,
        /** End the session and close the connection. */
        CLOSE
    }

    /** The multi-line part of a reply. */
    public sealed interface Body {

        /** Short text lines (LIST, UIDL, CAPA). */
        record Lines(List<String> lines) implements Body {
        }

        /** A message streamed from the mail store (RETR, TOP). */
        record Message(InputStream content, long bodyLines) implements Body {
        }
    }
}
