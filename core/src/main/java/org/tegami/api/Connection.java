package org.tegami.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * One client connection, owned by the host. A {@link ProtocolHandler} reads and writes it from
 * the single thread that called {@link ProtocolHandler#serve}; it is not shared between threads.
 *
 * <p>The streams stay the same objects for the whole connection, also across
 * {@link #startTls()}. The input is buffered; reads block at most the idle timeout and then
 * throw {@link java.net.SocketTimeoutException}. The output is buffered and sent by
 * {@code flush()} in one write (TCP_NODELAY is on), so write a whole reply, multi-line ones
 * included, then flush once.
 */
public interface Connection {

    /** A short id for logs, unique within this process run. */
    String id();

    /** The {@link ListenerSpec#name()} this connection arrived on. */
    String listenerName();

    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** Whether the client is on this machine (127.0.0.0/8 or ::1). */
    boolean isLoopback();

    InputStream input();

    OutputStream output();

    /** Whether the connection is encrypted now (implicit TLS or after {@link #startTls()}). */
    boolean isSecure();

    /** Protocol and cipher suite once secure, for Received: headers and logs. */
    Optional<TlsInfo> tlsInfo();

    /** Whether {@link #startTls()} can succeed: not yet secure and a TLS provider is present. */
    boolean canStartTls();

    /**
     * Upgrades to TLS in place (STARTTLS, STLS). Anything the client sent after the command
     * and before the handshake is thrown away (CVE-2011-0411), never read as commands.
     * Call it after flushing the positive reply to the STARTTLS command.
     *
     * @return how many buffered plaintext bytes were discarded, for the log
     * @throws IOException when the handshake fails; the connection is then unusable
     */
    int startTls() throws IOException;

    /**
     * Marks the start of the wait for the client's next command, right before the session reads
     * it, so that a stopping host can end an idle session at once instead of after the grace
     * time. The wait ends with the first byte the client sends, or with
     * {@link #commandReceived()}. When the host stops (or drains the session's listener or
     * plugin) during the wait, the read returns end of stream; a session busy with a command
     * finishes it and finds out here, before its next wait.
     *
     * <p>Mark only the wait for a whole new command, not for the rest of one (a DATA transfer,
     * a literal, an AUTH exchange). IMAP IDLE's wait for DONE counts as a wait for a command: a
     * client may sit in it for hours, and nothing is half done.
     *
     * @return {@code false} when the host is stopping: the session sends its protocol's
     *     closing notice, if it has one (SMTP 421, IMAP BYE), without reading, and ends
     */
    default boolean awaitCommand() {
        return true;
    }

    /**
     * Marks the end of the wait {@link #awaitCommand()} began; call it after the read, also
     * when the read found end of stream.
     *
     * @return {@code false} when a stop ended the wait: the end of stream was the host's doing,
     *     and anything read must not be acted on; the session sends its closing notice and ends
     */
    default boolean commandReceived() {
        return true;
    }

    /** Changes how long a read may wait for the client (the default comes from config). */
    void setIdleTimeout(Duration timeout);

    /**
     * Details of an established TLS session.
     *
     * @param protocol like {@code TLSv1.3}
     * @param cipherSuite like {@code TLS_AES_256_GCM_SHA384}
     */
    record TlsInfo(String protocol, String cipherSuite) {
    }
}
