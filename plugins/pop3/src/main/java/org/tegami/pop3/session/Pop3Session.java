package org.tegami.pop3.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.tegami.api.Connection;
import org.tegami.api.DeadlineInputStream;
import org.tegami.api.ServerContext;
import org.tegami.api.UserAccount;
import org.tegami.api.UserMailbox;
import org.tegami.pop3.codec.LineReader;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.ReplyWriter;
import org.tegami.pop3.command.CommandTable;
import org.tinylog.Logger;

/**
 * One POP3 session over one connection: the only class that reads and writes the socket. It
 * reads a line, lets the {@link CommandTable} check and run it (or the running SASL
 * {@link Continuation}), writes the reply with one flush, then takes the reply's action (STLS
 * handshake, close). Whatever way the session ends, the maildrop is closed without deleting
 * anything unless UPDATE ran, and the lock is released. Runs on the connection's thread.
 */
public final class Pop3Session {

    private final Connection connection;
    private final ServerContext context;
    private final Pop3Settings settings;
    private final MaildropLocks locks;
    private final CommandTable commands;
    private final LineReader reader;
    private final ReplyWriter writer;
    private final DeadlineInputStream loginDeadline;
    private int commandsBeforeLogin;

    private Pop3State state = Pop3State.AUTHORIZATION;
    private String pendingUser;
    private Continuation continuation;
    private int badCommands;
    private int authFailures;
    private String user;
    private Maildrop maildrop;
    private String ending = "client closed";
    private int deleted;

    public Pop3Session(Connection connection, ServerContext context, Pop3Settings settings, MaildropLocks locks,
            CommandTable commands) {
        this.connection = connection;
        this.context = context;
        this.settings = settings;
        this.locks = locks;
        this.commands = commands;
        this.loginDeadline = new DeadlineInputStream(connection.input(), settings.loginTimeout());
        this.reader = new LineReader(loginDeadline, settings.maxLineLength());
        this.writer = new ReplyWriter(connection.output());
    }

    /**
     * Runs the session to its end; I/O errors (client gone) end it quietly. The host puts the
     * connection id into the logging context around this call.
     */
    public void run() throws IOException {
        Logger.tag("pop3").debug("connect from {} on {}", connection.remoteAddress(), connection.listenerName());
        try {
            connection.setIdleTimeout(settings.idleTimeout());
            writer.write(Pop3Reply.ok(context.hostname() + " POP3 server ready"));
            loop();
        } catch (IOException e) {
            ending = "I/O error: " + e.getMessage();
            throw e;
        } finally {
            closeMaildrop();
            // one INFO line per session (STYLE 7)
            Logger.tag("pop3").info("session from {} on {}{}: {}, {} deleted, ended by {}", connection.remoteAddress(),
                    connection.listenerName(), connection.isSecure() ? " (TLS)" : "",
                    user == null ? "no login" : "user " + user, deleted, ending);
        }
    }

    private void loop() throws IOException {
        while (true) {
            // A SASL exchange's next line is part of its AUTH command, not a new command.
            boolean betweenCommands = continuation == null;
            if (betweenCommands && !connection.awaitCommand()) {
                serverStopping();
                return;
            }
            String line;
            try {
                line = reader.readLine();
            } catch (LineReader.LineTooLongException e) {
                continuation = null;
                if (!send(badCommand(Pop3Reply.err("line too long")))) {
                    return;
                }
                continue;
            } catch (DeadlineInputStream.ExpiredException e) {
                ending = "login timeout";
                writer.write(Pop3Reply.err("login time limit reached, closing connection"));
                return;
            } catch (SocketTimeoutException e) {
                // RFC 1939 section 3: the autologout timer ends the session without UPDATE
                ending = "autologout";
                writer.write(Pop3Reply.err("autologout timer expired"));
                return;
            }
            if (betweenCommands && !connection.commandReceived()) {
                serverStopping();
                return;
            }
            if (line == null) {
                return;
            }
            if (state == Pop3State.AUTHORIZATION && ++commandsBeforeLogin > settings.maxCommandsBeforeLogin()) {
                // CAPA or USER in a loop is not a mail client; bad commands have their own limit
                ending = "too many commands before login";
                writer.write(Pop3Reply.err("too many commands without login, closing connection"));
                return;
            }
            Continuation step = continuation;
            continuation = null;
            Pop3Reply reply = step != null ? step.next(line, this) : commands.dispatch(line, this);
            if (maildrop != null) {
                maildrop.refreshLock();
            }
            if (!send(reply)) {
                return;
            }
        }
    }

    /**
     * The server is stopping while the client is between commands. POP3 has no unsolicited
     * responses: each server line answers a command (RFC 1939 3), and the {@code SYS/TEMP} code
     * (RFC 3206, response codes per RFC 2449 8) comes only with a reply. So the connection is
     * closed without a word, as RFC 1939 3 has the autologout timer do, and UPDATE does not run:
     * messages marked with DELE stay in the maildrop.
     */
    private void serverStopping() {
        ending = "server stopping";
    }

    /** Writes a reply and takes its action; false when the session is over. */
    private boolean send(Pop3Reply reply) throws IOException {
        writer.write(reply);
        switch (reply.action()) {
            case CLOSE:
                ending = reply.isOk() ? "QUIT" : "server: " + reply.text();
                return false;
            case START_TLS:
                int discarded = connection.startTls();
                if (discarded > 0) {
                    Logger.tag("pop3").info("discarded {} octets sent before the TLS handshake", discarded);
                }
                // RFC 2595 section 4: forget what the client said before the handshake
                pendingUser = null;
                return true;
            default:
                return true;
        }
    }

    /**
     * Counts a bad command (unknown, malformed, wrong state, too long) and turns the reply into
     * a farewell when there were too many.
     */
    public Pop3Reply badCommand(Pop3Reply reply) {
        badCommands++;
        if (badCommands >= settings.maxBadCommands()) {
            return Pop3Reply.err("too many bad commands, closing connection").then(Pop3Reply.Action.CLOSE);
        }
        return reply;
    }

    /**
     * Counts a failed login; after too many on this connection the reply closes it.
     */
    public Pop3Reply authenticationFailed(Pop3Reply reply) {
        authFailures++;
        if (authFailures >= settings.maxAuthFailures()) {
            return reply.then(Pop3Reply.Action.CLOSE);
        }
        return reply;
    }

    /**
     * Enters TRANSACTION for an authenticated user: locks and opens the INBOX (RFC 1939
     * section 4). On failure the session stays in AUTHORIZATION.
     */
    public Pop3Reply openMaildrop(UserAccount account) {
        UserMailbox mailbox;
        try {
            // first, so that a new user's Maildir exists and can hold the lock file
            mailbox = context.mailStore().mailbox(account.name());
        } catch (IOException | RuntimeException e) {
            return cannotOpen(account, e);
        }
        Optional<MaildropLock> acquired = locks.acquire(account.name());
        if (acquired.isEmpty()) {
            Logger.tag("pop3").debug("maildrop of {} is in use", account.name());
            return Pop3Reply.err("IN-USE", "maildrop already locked by another POP3 session");
        }
        try {
            maildrop = new Maildrop(mailbox.open("INBOX", false), acquired.get());
        } catch (IOException | RuntimeException e) {
            acquired.get().close();
            return cannotOpen(account, e);
        }
        user = account.name();
        pendingUser = null;
        state = Pop3State.TRANSACTION;
        loginDeadline.disarm();
        Logger.tag("pop3").debug("login {}, {} messages", user, maildrop.size());
        return Pop3Reply.ok("maildrop has " + maildrop.liveCount() + " messages (" + maildrop.liveOctets()
                + " octets)");
    }

    private static Pop3Reply cannotOpen(UserAccount account, Exception e) {
        Logger.tag("pop3").warn("cannot open the maildrop of {}: {}", account.name(), e.toString());
        return Pop3Reply.err("SYS/TEMP", "cannot open the maildrop, try again later");
    }

    /**
     * QUIT in TRANSACTION: enters UPDATE and removes the marked messages (RFC 1939 section 6).
     */
    public Pop3Reply update() {
        state = Pop3State.UPDATE;
        try {
            int removed = maildrop.commit();
            deleted = removed;
            return Pop3Reply.ok("POP3 server signing off (" + removed + " messages deleted)");
        } catch (IOException | RuntimeException e) {
            Logger.tag("pop3").warn("expunge failed for {}: {}", user, e.toString());
            return Pop3Reply.err("SYS/TEMP", "some deleted messages not removed");
        } finally {
            closeMaildrop();
        }
    }

    private void closeMaildrop() {
        if (maildrop != null) {
            maildrop.close();
            maildrop = null;
        }
    }

    /** Reads the client's next line with {@code next} instead of the command parser. */
    public void expect(Continuation next) {
        this.continuation = next;
    }

    public Pop3State state() {
        return state;
    }

    public Pop3Settings settings() {
        return settings;
    }

    public ServerContext context() {
        return context;
    }

    /** The open maildrop in TRANSACTION; {@code null} before. */
    public Maildrop maildrop() {
        return maildrop;
    }

    public String pendingUser() {
        return pendingUser;
    }

    public void pendingUser(String name) {
        this.pendingUser = name;
    }

    public InetAddress clientAddress() {
        return connection.remoteAddress().getAddress();
    }

    /** Whether STLS can run now: not yet secure and a TLS provider is loaded. */
    public boolean canStartTls() {
        return connection.canStartTls() && !connection.isSecure();
    }

    public boolean isSecure() {
        return connection.isSecure();
    }

    /**
     * Whether passwords may be sent now: over TLS, from loopback, or when {@code pop3.allow-plaintext}
     * says so (RFC 2595 section 2.2; RFC 8314 section 3).
     */
    public boolean plaintextLoginAllowed() {
        return connection.isSecure() || connection.isLoopback() || settings.allowPlaintext();
    }
}
