package org.tegami.smtp.session;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.tegami.api.Connection;
import org.tegami.api.ServerContext;
import org.tegami.smtp.codec.ChunkReader;
import org.tegami.smtp.codec.CommandLine;
import org.tegami.smtp.codec.LineReader;
import org.tegami.smtp.codec.ReplyWriter;
import org.tegami.smtp.codec.Request;
import org.tegami.smtp.codec.RequestParser;
import org.tegami.smtp.codec.SessionTimeoutException;
import org.tegami.smtp.codec.SmtpReply;
import org.tegami.smtp.command.CommandTable;
import org.tegami.smtp.command.Response;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Runs one SMTP session over a {@link Connection}: the only code that reads and writes it. It
 * reads a command, lets the {@link CommandTable} decide, and carries out the
 * {@link Response}: a reply, reading a message into the spool, an AUTH exchange, the STARTTLS
 * upgrade. Replies are buffered and flushed when the session is about to wait for the client,
 * so pipelined commands (RFC 2920) get their replies in one write. Not thread-safe: one per
 * connection, on the connection's thread.
 */
public final class SmtpSession {

    private static final TaggedLogger LOG = Logger.tag("smtp");
    /** RFC 4954 4: a SASL line may be up to 12288 octets. */
    private static final int SASL_LINE = 12288;

    private final Connection connection;
    private final CommandTable commands;
    private final SessionContext context;
    private final SmtpConfig config;
    private final ServerContext server;
    private final LineReader reader;
    private final ReplyWriter writer;
    private final MessageReceiver receiver;
    private boolean open = true;

    /** A session without checks of incoming mail (tests, embedding). */
    public SmtpSession(SmtpConfig config, ServerContext server, Connection connection, CommandTable commands) {
        this(config, server, connection, commands, InboundChecks.NONE);
    }

    public SmtpSession(SmtpConfig config, ServerContext server, Connection connection, CommandTable commands, InboundChecks checks) {
        this.connection = connection;
        this.commands = commands;
        this.config = config;
        this.server = server;
        this.context = new SessionContext(config, server, connection, ListenerRole.of(connection.listenerName()), checks);
        this.writer = new ReplyWriter(connection.output());
        this.reader = new LineReader(connection.input(), writer::flush);
        this.receiver = new MessageReceiver(context, reader, writer, this::readCommandLine);
    }

    /** The state of this session, for tests and logs. */
    public SessionContext context() {
        return context;
    }

    /** Runs the session until QUIT, a limit, or the client going away. */
    public void run() throws IOException {
        long started = System.nanoTime();
        reader.setDeadline(started + config.sessionTimeout().toNanos());
        connection.setIdleTimeout(config.commandTimeout());
        try {
            writer.write(SmtpReply.of(220, null, server.hostname() + " ESMTP Tegami"));
            while (open) {
                CommandLine line = nextCommand();
                if (line == null) {
                    break;
                }
                handle(line);
            }
        } catch (SessionTimeoutException e) {
            closeWith(SmtpReply.of(421, "4.4.2", server.hostname() + " Session time limit reached, closing"));
        } catch (SocketTimeoutException e) {
            closeWith(SmtpReply.of(421, "4.4.2", server.hostname() + " Timeout, closing"));
        } finally {
            try {
                writer.flush();
            } finally {
                LOG.info("Session from {} helo={} tls={} user={} messages={} errors={}", context.clientAddress().getHostAddress(),
                        context.heloName(), connection.tlsInfo().map(Connection.TlsInfo::protocol).orElse("no"),
                        context.authenticatedUser().orElse("-"), context.messagesAccepted(), context.badCommands());
            }
        }
    }

    /**
     * Waits for the client's next command, or {@code null} when the session is over: the client
     * is gone, or the server is stopping, which ends a session idle between commands at once
     * with 421 (RFC 5321 3.8: a server shut down from outside should send 421 first; 4.3.2,
     * system not accepting network messages, RFC 3463). An open transaction is dropped.
     */
    private CommandLine nextCommand() throws IOException {
        if (!connection.awaitCommand()) {
            shuttingDown();
            return null;
        }
        CommandLine line;
        try {
            line = readCommandLine();
        } catch (EOFException e) {
            // The stop woke the read while part of a line sat in the buffer: no command to act on.
            if (connection.commandReceived()) {
                throw e;
            }
            shuttingDown();
            return null;
        }
        if (!connection.commandReceived()) {
            shuttingDown();
            return null;
        }
        return line;
    }

    private void shuttingDown() {
        LOG.debug("Server stopping: closing the session between commands");
        closeWith(SmtpReply.of(421, "4.3.2", server.hostname() + " Service shutting down"));
    }

    /** Reads one command line, or {@code null} when the client is gone. Used for BDAT sequences too. */
    private CommandLine readCommandLine() throws IOException {
        return reader.readCommand(SASL_LINE);
    }

    /** Handles one command line, including the follow-up a command may ask for, then applies the limits. */
    void handle(CommandLine line) throws IOException {
        act(line);
        if (context.badCommands() >= config.maxBadCommands() && open) {
            closeWith(SmtpReply.of(421, "4.7.0", server.hostname() + " Too many errors, closing"));
        } else if (context.junkCommands() > config.maxJunkCommands() && open) {
            closeWith(SmtpReply.of(421, "4.7.0", server.hostname() + " Too many commands without mail, closing"));
        }
    }

    private void act(CommandLine line) throws IOException {
        if (line.problem() != null) {
            refuse(SmtpReply.of(500, "5.5.2", switch (line.problem()) {
                case TOO_LONG -> "Line too long";
                case BARE_LF -> "Command lines must end with CRLF";
                case BARE_CR -> "Bare CR or NUL in command line";
            }));
            return;
        }
        Request request = RequestParser.parse(line.text());
        if (LOG.isDebugEnabled()) {
            LOG.debug("C: {}", request.verb().equals("AUTH") ? "AUTH " + firstWord(request.argument()) + " ..." : line.text());
        }
        if (!request.verb().equals("AUTH") && line.text().length() + 2 > config.maxLineLength()) {
            refuse(SmtpReply.of(500, "5.5.2", "Line too long"));
            return;
        }
        try {
            carryOut(commands.dispatch(context, request.verb(), request.argument()));
        } catch (RuntimeException e) {
            // A bug or a failing service must not reach the client as anything but a temporary error.
            LOG.error(e, "{} failed", request.verb());
            context.reset();
            writer.write(SmtpReply.of(451, "4.3.0", "Internal error, try again later"));
        }
    }

    private void carryOut(Response response) throws IOException {
        while (response != null) {
            response = step(response);
        }
    }

    /** Does what one response asks; returns a further response (AUTH challenges) or {@code null}. */
    private Response step(Response response) throws IOException {
        if (response instanceof Response.Send send) {
            if (send.close()) {
                writer.write(send.reply());
                open = false;
            } else if (countsAsError(send.reply())) {
                refuse(send.reply());
            } else {
                writer.write(send.reply());
            }
            return null;
        }
        if (response instanceof Response.ReceiveData) {
            writer.write(SmtpReply.of(354, null, "End data with <CR><LF>.<CR><LF>"));
            connection.setIdleTimeout(config.dataTimeout());
            try {
                writer.write(receiver.receiveData());
            } finally {
                connection.setIdleTimeout(config.commandTimeout());
            }
            return null;
        }
        if (response instanceof Response.ReceiveChunk chunk) {
            MessageReceiver.ChunkOutcome outcome = receiver.receiveChunks(new ChunkReader.Chunk(chunk.size(), chunk.last()));
            if (outcome.reply() != null) {
                writer.write(outcome.reply());
            }
            if (outcome.interruptedBy() != null) {
                handle(outcome.interruptedBy());
            }
            return null;
        }
        if (response instanceof Response.SkipChunk skip) {
            receiver.skip(skip.size());
            refuse(skip.reply());
            return null;
        }
        if (response instanceof Response.Challenge challenge) {
            writer.write(SmtpReply.of(334, null, challenge.base64()));
            CommandLine answer = reader.readCommand(SASL_LINE);
            if (answer == null) {
                open = false;
                return null;
            }
            if (answer.problem() != null) {
                return Response.reply(501, "5.5.2", "Cannot decode response");
            }
            return challenge.next().answer(answer.text());
        }
        if (response instanceof Response.StartTls) {
            startTls();
            return null;
        }
        throw new IllegalStateException("unknown response " + response);
    }

    private void startTls() throws IOException {
        writer.write(SmtpReply.of(220, "2.0.0", "Ready to start TLS"));
        writer.flush();
        // RFC 3207 6: nothing the client sent before the handshake may be acted on.
        int dropped = reader.discardBuffered() + connection.startTls();
        if (dropped > 0) {
            LOG.info("STARTTLS from {}: dropped {} bytes sent before the handshake", context.clientAddress(), dropped);
        }
        context.tlsStarted();
    }

    /** Sends a refusal and counts it toward the bad-command limit. */
    private void refuse(SmtpReply reply) throws IOException {
        context.badCommand();
        writer.write(reply);
    }

    /** Every permanent refusal counts, unknown recipients too: that is what address harvesting looks like. */
    private static boolean countsAsError(SmtpReply reply) {
        return reply.isPermanent();
    }

    private void closeWith(SmtpReply reply) {
        open = false;
        try {
            writer.write(reply);
            writer.flush();
        } catch (IOException e) {
            LOG.debug("Could not send closing reply: {}", e.getMessage());
        }
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

}
