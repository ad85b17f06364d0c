package org.tegami.api;

import java.io.IOException;
import java.util.List;

/**
 * A protocol's session logic: SMTP, POP3, IMAP. The host owns the sockets: it binds the
 * {@link #listeners()}, applies the total and per-address connection limits and the idle
 * timeout, does the implicit TLS handshake, and calls {@link #serve} once per connection on
 * its own thread (a virtual thread on Java 21+, a bounded pool otherwise).
 *
 * <p>{@code serve} runs the whole session and returns when it is over; the host then closes
 * the connection. An {@link IOException} (client gone, timeout) ends the session quietly; any
 * other exception is logged by the host. A handler must answer bad input with a protocol
 * error, never let a stack trace reach the client, and must not block other sessions.
 *
 * <p>Stopping: when the host stops, or a reload closes a listener or retires the handler, the
 * host ends the sessions that wait for their client's next command at once; a handler marks
 * that wait with {@link Connection#awaitCommand()} and {@link Connection#commandReceived()}
 * and, when they say so, sends its closing notice and returns. Sessions busy with a command
 * get the grace time ({@code shutdown.grace}) and are closed after it.
 */
public interface ProtocolHandler extends TegamiExtension {

    /** The listeners this handler serves, with their defaults. */
    List<ListenerSpec> listeners();

    /**
     * Runs one session; the greeting is the handler's to send.
     *
     * @param connection the client, already TLS-wrapped for implicit-TLS listeners
     */
    void serve(Connection connection) throws IOException;

    /**
     * The line sent to a client that is turned away because a connection limit is reached,
     * without the line end (the host adds CRLF), e.g. {@code 421 4.7.0 Too many connections}
     * (RFC 5321 3.8). The host sends it in plaintext on plain listeners only and then closes the
     * connection; {@code null}, the default, closes it without a word.
     */
    default String busyReply() {
        return null;
    }
}
