package org.tegami.pop3.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tegami.api.Authenticator;
import org.tegami.api.Flag;
import org.tegami.api.MessageInfo;
import org.tegami.pop3.command.CommandTable;
import org.tegami.pop3.testing.FakeConnection;
import org.tegami.pop3.testing.FakeFolder;
import org.tegami.pop3.testing.FakeServer;
import org.tegami.pop3.testing.StandardMaildrop;

/** Session behaviour that a single loopback transcript cannot show. */
class Pop3SessionTest {

    private static final String LOGIN_USER = "USER " + StandardMaildrop.USER;
    private static final String LOGIN_PASS = "PASS " + StandardMaildrop.PASSWORD;

    private final FakeServer server = new FakeServer();
    private final MaildropLocks locks = new MaildropLocks(null, Duration.ofMinutes(15), "test", Clock.systemUTC());
    private FakeFolder inbox;

    @BeforeEach
    void maildrop() {
        inbox = StandardMaildrop.install(server);
    }

    private String run(FakeConnection connection) throws Exception {
        return run(connection, Pop3Settings.defaults());
    }

    private String run(FakeConnection connection, Pop3Settings settings) throws Exception {
        new Pop3Session(connection, server, settings, locks, new CommandTable()).run();
        return connection.written();
    }

    private static Pop3Settings allowPlaintext() {
        Pop3Settings d = Pop3Settings.defaults();
        return new Pop3Settings(true, d.maxLineLength(), d.maxBadCommands(), d.maxAuthFailures(), d.idleTimeout(),
                d.lockStaleAfter(), Path.of("unused"));
    }

    @Test
    void refusesPasswordsInPlaintextOffLoopback() throws Exception {
        String out = run(new FakeConnection("CAPA\r\n" + LOGIN_USER + "\r\nAUTH PLAIN "
                + StandardMaildrop.PLAIN_RESPONSE + "\r\n", "", false));
        assertFalse(out.contains("\r\nUSER\r\n"), out);
        assertFalse(out.contains("SASL"), out);
        assertTrue(out.contains("\r\nSTLS\r\n"), out);
        assertEquals(2, out.split("-ERR \\[AUTH\\] plaintext authentication disallowed", -1).length - 1, out);
    }

    @Test
    void allowPlaintextSettingPermitsLoginOffLoopback() throws Exception {
        String out = run(new FakeConnection(LOGIN_USER + "\r\n" + LOGIN_PASS + "\r\n", "", false), allowPlaintext());
        assertTrue(out.contains("+OK maildrop has 3 messages"), out);
    }

    @Test
    void loginOffLoopbackWorksAfterStls() throws Exception {
        String out = run(new FakeConnection("STLS\r\n", LOGIN_USER + "\r\n" + LOGIN_PASS + "\r\n", false));
        assertTrue(out.contains("+OK Begin TLS negotiation\r\n+OK send PASS\r\n+OK maildrop has 3 messages"), out);
    }

    @Test
    void implicitTlsConnectionNeedsNoStls() throws Exception {
        String out = run(new FakeConnection("CAPA\r\n" + LOGIN_USER + "\r\n" + LOGIN_PASS + "\r\n", "", false)
                .secure(true));
        assertFalse(out.contains("STLS"), out);
        assertTrue(out.contains("+OK maildrop has 3 messages"), out);
    }

    @Test
    void withoutTlsProviderStlsIsNotOffered() throws Exception {
        String out = run(FakeConnection.lines("CAPA", "STLS").tlsAvailable(false));
        assertFalse(out.contains("\r\nSTLS\r\n"), out);
        assertTrue(out.endsWith("-ERR TLS not available\r\n"), out);
    }

    @Test
    void droppedConnectionDeletesNothingAndReleasesTheMaildrop() throws Exception {
        run(FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "DELE 1", "DELE 2"));
        assertEquals(3, inbox.messages().size());
        assertEquals(0, inbox.openViews());
        String again = run(FakeConnection.lines(LOGIN_USER, LOGIN_PASS));
        assertTrue(again.contains("+OK maildrop has 3 messages"), again);
    }

    @Test
    void quitRemovesExactlyTheMarkedMessages() throws Exception {
        List<MessageInfo> before = inbox.messages();
        run(FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "DELE 1", "DELE 3", "QUIT"));
        assertEquals(List.of(before.get(1).uid()), inbox.messages().stream().map(MessageInfo::uid).toList());
        assertEquals(0, inbox.openViews());
    }

    @Test
    void quitInAuthorizationTouchesNothing() throws Exception {
        run(FakeConnection.lines("QUIT"));
        assertEquals(3, inbox.messages().size());
    }

    @Test
    void retrMarksSeenButTopDoesNot() throws Exception {
        run(FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "RETR 2", "TOP 3 1", "QUIT"));
        List<MessageInfo> after = inbox.messages();
        assertFalse(after.get(0).has(Flag.SEEN));
        assertTrue(after.get(1).has(Flag.SEEN));
        assertFalse(after.get(2).has(Flag.SEEN));
    }

    @Test
    void secondSessionGetsInUseWhileTheFirstHoldsTheMaildrop() throws Exception {
        MaildropLock first = locks.acquire(StandardMaildrop.USER).orElseThrow();
        String out = run(FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "STAT"));
        assertTrue(out.contains("-ERR [IN-USE] maildrop already locked by another POP3 session\r\n"
                + "-ERR STAT not allowed in AUTHORIZATION state"), out);
        first.close();
        out = run(FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "STAT"));
        assertTrue(out.endsWith("+OK 3 228\r\n"), out);
    }

    @Test
    void lockoutAnswersSysTempAndCloses() throws Exception {
        server.force(new Authenticator.AuthResult.LockedOut());
        String out = run(FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "CAPA"));
        assertTrue(out.endsWith("-ERR [SYS/TEMP] too many failed logins, try again later\r\n"), out);
    }

    @Test
    void unavailableUserStoreIsTemporary() throws Exception {
        server.force(new Authenticator.AuthResult.Unavailable("users file unreadable"));
        String out = run(FakeConnection.lines("AUTH PLAIN " + StandardMaildrop.PLAIN_RESPONSE, "QUIT"));
        assertTrue(out.contains("-ERR [SYS/TEMP] authentication temporarily unavailable\r\n+OK"), out);
        assertFalse(out.contains("users file"), "the cause stays in the log");
    }

    @Test
    void refusesAnotherAuthorizationIdentity() throws Exception {
        // "bob@localhost\0alice@localhost\0secret"
        String out = run(FakeConnection.lines("AUTH PLAIN Ym9iQGxvY2FsaG9zdABhbGljZUBsb2NhbGhvc3QAc2VjcmV0"));
        assertTrue(out.endsWith("-ERR [AUTH] authorization identity not permitted\r\n"), out);
    }

    @Test
    void retrOfAMessageGoneSinceLoginIsAPlainError() throws Exception {
        long first = inbox.messages().get(0).uid();
        // another session expunges message 1 right after this one took its snapshot
        inbox.whenViewed(() -> inbox.remove(first));
        String out = run(FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "RETR 1", "RETR 2", "QUIT"));
        assertTrue(out.contains("-ERR message expunged\r\n+OK 52 octets\r\n"), out);
        assertTrue(out.endsWith("+OK POP3 server signing off (0 messages deleted)\r\n"), out);
    }

    @Test
    void idleTimeoutIsSetAndAutologoutDeletesNothing() throws Exception {
        FakeConnection connection = FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "DELE 1").timeoutAtEnd();
        String out = run(connection);
        assertEquals(Duration.ofMinutes(10), connection.idleTimeout());
        assertTrue(out.endsWith("-ERR autologout timer expired\r\n"), out);
        assertEquals(3, inbox.messages().size());
    }

    @Test
    void everyResponseLeavesInOneFlush() throws Exception {
        FakeConnection connection = FakeConnection.lines(LOGIN_USER, LOGIN_PASS, "LIST", "RETR 1", "CAPA", "QUIT");
        run(connection);
        assertEquals(7, connection.flushes());
    }
}
