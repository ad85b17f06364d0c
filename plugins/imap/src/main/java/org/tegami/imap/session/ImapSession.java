package org.tegami.imap.session;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.tegami.api.Connection;
import org.tegami.api.DeadlineInputStream;
import org.tegami.api.MailboxException;
import org.tegami.api.ServerContext;
import org.tegami.api.UserAccount;
import org.tegami.api.UserMailbox;
import org.tegami.imap.ImapConfig;
import org.tegami.imap.decode.BadCommandException;
import org.tegami.imap.decode.CommandLine;
import org.tegami.imap.decode.CommandReader;
import org.tegami.imap.decode.Request;
import org.tegami.imap.decode.RequestParser;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.process.CommandProcessor;
import org.tegami.imap.process.Completion;
import org.tegami.imap.process.ProcessorTable;
import org.tinylog.Logger;
import org.tinylog.ThreadContext;
import org.tinylog.TaggedLogger;

/**
 * One IMAP connection (RFC 3501): reads commands, checks the state each is allowed in, runs its
 * processor, sends the mailbox updates allowed at that point and the tagged completion. Owns
 * the connection; runs on the thread that called {@link #run()}.
 */
public final class ImapSession {

    private static final TaggedLogger LOG = Logger.tag("imap");
    private static final RequestParser PARSER = new RequestParser();
    private static final java.util.Set<String> WORKS_ON_MESSAGES = java.util.Set.of("FETCH", "STORE", "SEARCH", "SORT",
            "COPY", "MOVE", "EXPUNGE");

    private final Connection connection;
    private final ServerContext context;
    private final ImapConfig config;
    private final ProcessorTable processors;
    private final SessionStreams streams;
    private final ResponseWriter out;
    private final CommandReader reader;
    private SessionState state = SessionState.NOT_AUTHENTICATED;
    private UserAccount account;
    private UserMailbox mailbox;
    private SelectedFolder selected;
    private boolean utf8;
    private boolean rev2;
    private int badInRow;
    private final DeadlineInputStream loginDeadline;
    private int commandsBeforeLogin;

    public ImapSession(Connection connection, ServerContext context, ImapConfig config, ProcessorTable processors) {
        this.connection = connection;
        this.context = context;
        this.config = config;
        this.processors = processors;
        this.streams = new SessionStreams(connection.input(), connection.output());
        this.out = new ResponseWriter(streams.output());
        this.loginDeadline = new DeadlineInputStream(streams.input(), config.loginTimeout());
        // Before login no literal needs to be longer than a line (names, passwords): an unknown
        // client must not make the server hold or spool message-sized literals.
        this.reader = new CommandReader(loginDeadline, new CommandReader.Limits(config.maxLineLength(),
                config.maxLineLength(), 4L * config.maxLineLength()));
    }

    /** Runs the session until LOGOUT or the client goes away. */
    public void run() throws IOException {
        ThreadContext.put("session", connection.id());
        try {
            LOG.info("connect from {} on {}", connection.remoteAddress(), connection.listenerName());
            out.untagged("OK [CAPABILITY " + Capabilities.of(this) + "] Tegami IMAP ready");
            out.flush();
            while (state != SessionState.LOGOUT) {
                if (!step()) {
                    break;
                }
            }
        } catch (EOFException | SocketException e) {
            LOG.debug("client gone: {}", e.getMessage());
        } catch (ZipException e) {
            // After COMPRESS: what the client sent does not inflate. Nothing more can be read.
            LOG.info("closing: bad compressed data from the client ({})", e.getMessage());
        } catch (SocketTimeoutException e) {
            boolean login = e instanceof DeadlineInputStream.ExpiredException;
            LOG.info(login ? "login timeout" : "idle timeout");
            try {
                out.untagged(login ? "BYE Login time limit reached, closing connection" : "BYE Idle timeout, closing connection");
                out.flush();
            } catch (IOException ignored) {
                // the client is gone anyway
            }
        } finally {
            closeSelected();
            streams.close();
            LOG.info("disconnect{}", account == null ? "" : " user=" + account.name());
            ThreadContext.remove("session");
        }
    }

    /** Reads and answers one command; false when the connection must end. */
    private boolean step() throws IOException {
        if (!connection.awaitCommand()) {
            return serverStopping();
        }
        CommandLine line;
        try {
            line = reader.read(() -> {
                out.continuation("Ready for literal data");
                out.flush();
            });
        } catch (BadCommandException e) {
            return !tooManyBeforeLogin() && refuse(e);
        } catch (EOFException e) {
            if (!connection.commandReceived()) {
                return serverStopping();
            }
            throw e;
        }
        if (!connection.commandReceived()) {
            line.discard();
            return serverStopping();
        }
        if (tooManyBeforeLogin()) {
            line.discard();
            return false;
        }
        try {
            Request request;
            try {
                request = PARSER.parse(line);
            } catch (BadCommandException e) {
                return refuse(e);
            }
            answer(request);
            return state != SessionState.LOGOUT && !tooManyBad();
        } finally {
            line.discard();
        }
    }

    /**
     * The server is stopping while the client is between commands (or in IDLE): says so with
     * an untagged BYE, the shutdown announcement of RFC 3501 7.1.5 (UNAVAILABLE: RFC 5530 3),
     * and ends the session. Nothing is expunged.
     *
     * @return false, the connection ends
     */
    private boolean serverStopping() throws IOException {
        LOG.debug("server stopping: BYE between commands");
        out.untagged("BYE [UNAVAILABLE] Server shutting down");
        out.flush();
        logout();
        return false;
    }

    /** Answers input that could not be read or parsed; false when the connection must end. */
    private boolean refuse(BadCommandException e) throws IOException {
        String tag = e.tag() == null ? "*" : e.tag();
        if (e.fatal()) {
            out.untagged("BYE [TOOBIG] " + e.getMessage());
            out.flush();
            return false;
        }
        out.tagged(tag, e.code() != null ? "NO" : "BAD", e.code(), e.getMessage());
        out.flush();
        badInRow++;
        return !tooManyBad();
    }

    /**
     * Counts a command before login and says BYE after too many: CAPABILITY or NOOP in a loop,
     * or errors between them, never reach the bad-commands-in-a-row limit (DESIGN: limits).
     */
    private boolean tooManyBeforeLogin() throws IOException {
        if (state != SessionState.NOT_AUTHENTICATED || ++commandsBeforeLogin <= config.maxCommandsBeforeLogin()) {
            return false;
        }
        LOG.info("too many commands before login");
        out.untagged("BYE Too many commands without login");
        out.flush();
        return true;
    }

    /** A client that sends nothing but errors is not a mail client; end it (DESIGN: limits). */
    private boolean tooManyBad() throws IOException {
        if (badInRow < config.maxBadCommands()) {
            return false;
        }
        LOG.info("too many bad commands in a row");
        out.untagged("BYE Too many invalid commands");
        out.flush();
        return true;
    }

    private void answer(Request request) throws IOException {
        LOG.debug("command {}", request.verb());
        CommandProcessor<Request> processor = processors.find(request.verb());
        Completion done;
        if (processor == null) {
            done = Completion.bad("Unknown command");
        } else if (!processor.states().contains(state)) {
            done = Completion.bad(request.verb() + " is not allowed "
                    + (state == SessionState.NOT_AUTHENTICATED ? "before login" : "in this state"));
        } else {
            if (state == SessionState.SELECTED && selected != null && WORKS_ON_MESSAGES.contains(request.verb())) {
                // act on the present state, so SEARCH and FETCH see flags other sessions just set
                syncQuietly(allowsExpunge(request));
            }
            done = request.verb().equals("IDLE") ? idle(processor, request) : execute(processor, request);
        }
        if (done == null) {
            // the processor already answered (STARTTLS answers before its handshake), or the
            // server stopped during IDLE and said BYE
            return;
        }
        if (state == SessionState.SELECTED && selected != null && !done.isBad()) {
            syncQuietly(allowsExpunge(request));
        }
        out.tagged(request.tag(), done.status(), done.code(), done.text());
        out.flush();
        badInRow = done.isBad() ? badInRow + 1 : 0;
    }

    /**
     * IDLE (RFC 2177) waits for nothing but DONE, for hours perhaps, so its wait counts as a
     * wait for a command: a stop ends it with BYE, the shutdown announcement of RFC 3501 7.1.5
     * (RFC 2177 3 lets the server send untagged responses at any time while idling). The first
     * byte of DONE ends the wait, and IDLE then finishes as usual.
     */
    private Completion idle(CommandProcessor<Request> processor, Request request) throws IOException {
        if (!connection.awaitCommand()) {
            serverStopping();
            return null;
        }
        Completion done;
        try {
            done = execute(processor, request);
        } catch (EOFException e) {
            if (connection.commandReceived()) {
                throw e;
            }
            serverStopping();
            return null;
        }
        // DONE has arrived; its first byte ended the wait, so a stop no longer cuts anything.
        connection.commandReceived();
        return done;
    }

    private Completion execute(CommandProcessor<Request> processor, Request request) throws IOException {
        try {
            return processor.process(request, this);
        } catch (MailboxException e) {
            return Completion.no(ResponseCodes.of(e.reason()), e.getMessage());
        } catch (EOFException | SocketException | SocketTimeoutException | SSLException | ZipException e) {
            // the connection failed (ZipException: bad compressed data), not the command
            throw e;
        } catch (IOException e) {
            LOG.error(e, "{} failed", request.verb());
            return Completion.no("SERVERBUG", "Internal error, try again later");
        } catch (RuntimeException e) {
            LOG.error(e, "{} failed", request.verb());
            return Completion.no("SERVERBUG", "Internal error");
        }
    }

    private void syncQuietly(boolean allowExpunge) throws IOException {
        try {
            selected.sync(out, allowExpunge);
        } catch (MailboxException e) {
            LOG.debug("refresh: {}", e.getMessage());
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            LOG.warn(e, "refresh of {} failed", selected.name());
        }
    }

    /**
     * RFC 3501 7.4.1: no EXPUNGE response during FETCH, STORE or SEARCH by sequence number;
     * SORT and THREAD answer with sequence numbers as SEARCH does (RFC 5256 3, 4).
     */
    private static boolean allowsExpunge(Request r) {
        return switch (r.verb()) {
            case "FETCH" -> ((Request.Fetch) r).uid();
            case "STORE" -> ((Request.Store) r).uid();
            case "SEARCH" -> ((Request.Search) r).uid();
            case "SORT" -> ((Request.Sort) r).uid();
            case "THREAD" -> ((Request.Thread) r).uid();
            default -> true;
        };
    }

    public Connection connection() {
        return connection;
    }

    public ServerContext context() {
        return context;
    }

    public ImapConfig config() {
        return config;
    }

    /** Whether COMPRESS is active. */
    public boolean compressing() {
        return streams.compressing();
    }

    /**
     * Compresses both directions from now on (RFC 4978): call after the tagged OK of COMPRESS
     * was written and flushed.
     */
    public void startCompression() {
        streams.startDeflate();
    }

    public ResponseWriter out() {
        return out;
    }

    public CommandReader reader() {
        return reader;
    }

    public SessionState state() {
        return state;
    }

    public void logout() {
        closeSelected();
        state = SessionState.LOGOUT;
    }

    /** Whether LOGIN and AUTHENTICATE may be used: over TLS, or from loopback (DESIGN, security defaults). */
    public boolean plaintextAuthAllowed() {
        return connection.isSecure() || connection.isLoopback();
    }

    public void authenticated(UserAccount user, UserMailbox userMailbox) {
        this.account = user;
        this.mailbox = userMailbox;
        this.state = SessionState.AUTHENTICATED;
        loginDeadline.disarm();
        reader.limits(new CommandReader.Limits(config.maxLineLength(), config.maxMessageSize(), config.maxCommandSize()));
        connection.setIdleTimeout(config.sessionTimeout());
        LOG.info("login user={}", user.name());
    }

    public UserAccount account() {
        return account;
    }

    public UserMailbox mailbox() {
        return mailbox;
    }

    public SelectedFolder selected() {
        return selected;
    }

    public void select(SelectedFolder folder) {
        closeSelected();
        selected = folder;
        state = SessionState.SELECTED;
    }

    /** Leaves the SELECTED state (CLOSE, UNSELECT, a failed SELECT). */
    public void unselect() {
        closeSelected();
        if (state == SessionState.SELECTED) {
            state = SessionState.AUTHENTICATED;
        }
    }

    private void closeSelected() {
        if (selected != null) {
            selected.close();
            selected = null;
        }
    }

    public boolean utf8() {
        return utf8;
    }

    public void enableUtf8() {
        utf8 = true;
    }

    /** Whether the client enabled IMAP4rev2 (RFC 9051): no \\Recent, ESEARCH, UTF-8 names. */
    public boolean rev2() {
        return rev2;
    }

    public void enableRev2() {
        rev2 = true;
        utf8 = true;
    }

    /** The API name of a mailbox name from the client. */
    public String mailboxName(String wire) throws MailboxException {
        return MailboxNames.fromWire(wire, utf8);
    }

    /** The wire form of an API mailbox name. */
    public String wireName(String name) {
        return MailboxNames.toWire(name, utf8);
    }
}
