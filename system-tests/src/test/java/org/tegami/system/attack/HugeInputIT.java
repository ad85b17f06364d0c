package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Oversized input against a server with a 64 MB heap: IMAP literals of absurd and over-limit
 * sizes, lines of 32 MB on every plain listener, over-long header lines and messages in SMTP
 * DATA, and AUTH blobs of a megabyte. Each gets a clear protocol error and the session goes on,
 * or ends cleanly; other clients are served meanwhile and the server never runs out of memory.
 */
class HugeInputIT {

    private static final int HUGE_LINE = 32 * 1024 * 1024;
    private static final String MEGABYTE_BLOB = Base64.getEncoder().encodeToString(new byte[768 * 1024]);

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of("auth.max-failures", "1000",
            "smtp.max-bad-commands", "100"), started -> server = started).servingAtTheEnd("127.0.0.109");

    @AfterAll
    static void noOutOfMemory() throws Exception {
        assertFalse(server.logText().contains("OutOfMemoryError"), "the server ran out of memory");
    }

    @ParameterizedTest(name = "logged in: {0}")
    @ValueSource(booleans = {false, true})
    void imapLiteralsOverTheLimitAreRefusedUpFront(boolean loggedIn) throws Exception {
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.101")) {
            assertTrue(w.readLine().startsWith("* OK"));
            if (loggedIn) {
                assertTrue(w.line("a LOGIN u1@localhost pass1").imap("a").startsWith("a OK"));
            }
            // RFC 7888 4 / RFC 3501 7.1: refused with TOOBIG before the client sends the literal
            assertTrue(w.line("b APPEND INBOX {9999999999}").imap("b").matches("b NO \\[TOOBIG\\] .*"));
            assertTrue(w.line("c APPEND INBOX {2000000}").imap("c").matches("c NO \\[TOOBIG\\] .*"));
            assertTrue(w.line("d LOGIN {9999999999}").imap("d").matches("d NO \\[TOOBIG\\] .*"));
            assertTrue(w.line("e APPEND INBOX {99999999999999999999}").imap("e").matches("e (BAD|NO) .*"));
            assertTrue(w.line("f NOOP").imap("f").startsWith("f OK"));
            // a non-synchronising literal cannot be refused before it comes: the connection ends
            w.sendQuietly("g APPEND INBOX {9999999999+}\r\n" + "x".repeat(100_000));
            List<String> rest = w.linesUntilClosed(Duration.ofSeconds(10));
            assertTrue(rest.isEmpty() || rest.get(rest.size() - 1).matches("\\* BYE .*"), rest.toString());
        }
    }

    @Test
    void literalsBeforeLoginAreNoLongerThanALine() throws Exception {
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.106")) {
            assertTrue(w.readLine().startsWith("* OK"));
            // imap.max-line-length is 8192 here; a name or password needs no more
            assertTrue(w.line("a LOGIN {20000}").imap("a").matches("a NO \\[TOOBIG\\] .*"));
            assertTrue(w.line("b LOGIN {900000}").imap("b").matches("b NO \\[TOOBIG\\] .*"));
            w.line("c LOGIN {12}");
            assertTrue(w.readLine().startsWith("+ "));
            assertTrue(w.line("u2@localhost {5}").readLine().startsWith("+ "));
            assertTrue(w.line("pass2").imap("c").startsWith("c OK"));
            // once logged in, messages up to imap.max-message-size
            w.line("d APPEND INBOX {20000}");
            assertTrue(w.readLine().startsWith("+ "));
            String message = "Subject: big\r\n\r\n" + "z".repeat(20000 - 16);
            assertTrue(w.send(message + "\r\n").imap("d").startsWith("d OK"));
        }
    }

    @Test
    void hugeLinesGetAnErrorOnEveryListenerWhileOthersAreServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> senders = new ArrayList<>();
            senders.add(pool.submit(() -> hugeLine("smtp", "NOOP", "500 5\\.5\\.2 .*", "250 .*")));
            senders.add(pool.submit(() -> hugeLine("pop3", "CAPA", "-ERR .*", "\\+OK.*")));
            senders.add(pool.submit(() -> hugeLine("imap", "a NOOP", "\\* BAD .*|[a-z]+ BAD .*", "a OK .*")));
            Thread.sleep(200);
            server.assertServes("127.0.0.102");
            for (Future<?> f : senders) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        server.assertServes("127.0.0.102");
    }

    /** Sends a line of {@value #HUGE_LINE} bytes, then {@code next}: an error for the first, an answer to the second. */
    private static Void hugeLine(String listener, String next, String error, String answer) throws Exception {
        try (Wire w = Wire.open(server.port(listener), "127.0.0.103")) {
            assertTrue(w.readLine() != null);
            byte[] line = new byte[HUGE_LINE + 2];
            java.util.Arrays.fill(line, (byte) 'A');
            line[HUGE_LINE] = '\r';
            line[HUGE_LINE + 1] = '\n';
            w.send(line);
            String reply = w.readLine();
            assertTrue(reply != null && reply.matches(error), listener + ": " + reply);
            String then = w.line(next).readLine();
            assertTrue(then != null && then.matches(answer), listener + " after the long line: " + then);
        }
        return null;
    }

    @Test
    void smtpRefusesOverlongHeaderLinesAndOversizedMessages() throws Exception {
        try (Wire w = Smtp.session(server, "smtp", "127.0.0.104")) {
            assertTrue(w.line("MAIL FROM:<a@a.example>").smtp().startsWith("250 "));
            assertTrue(w.line("RCPT TO:<u1@localhost>").smtp().startsWith("250 "));
            assertTrue(w.line("DATA").smtp().startsWith("354 "));
            // RFC 5321 4.5.3.1.6: a text line is at most 1000 octets
            String reply = w.send("Subject: " + "x".repeat(100_000) + "\r\n\r\nbody\r\n.\r\n").smtp();
            assertTrue(reply.matches("5\\d\\d 5\\.\\d\\.\\d .*"), reply);
            assertTrue(w.line("RSET").smtp().startsWith("250 "));
            assertTrue(w.line("MAIL FROM:<a@a.example>").smtp().startsWith("250 "));
            assertTrue(w.line("RCPT TO:<u1@localhost>").smtp().startsWith("250 "));
            assertTrue(w.line("DATA").smtp().startsWith("354 "));
            StringBuilder big = new StringBuilder("Subject: big\r\n\r\n");
            String row = "y".repeat(998) + "\r\n";
            while (big.length() < 3 * 1024 * 1024) {
                big.append(row);
            }
            // smtp.max-size is 1M here: RFC 1870 6.3
            assertTrue(w.send(big.append(".\r\n").toString()).smtp().matches("552 5\\.3\\.4 .*"));
            assertTrue(w.line("NOOP").smtp().startsWith("250 "));
        }
        assertTrue(server.inbox("u1").isEmpty(), "nothing over the limits delivered");
    }

    @Test
    void megabyteAuthBlobsAreRefusedOnEveryProtocol() throws Exception {
        try (Wire w = Smtp.session(server, "submission", "127.0.0.105")) {
            assertTrue(w.line("AUTH PLAIN " + MEGABYTE_BLOB).smtp().matches("5\\d\\d .*"));
            assertTrue(w.line("AUTH PLAIN").smtp().startsWith("334"));
            assertTrue(w.line(MEGABYTE_BLOB).smtp().matches("5\\d\\d .*"));
            assertTrue(w.line("AUTH LOGIN").smtp().startsWith("334"));
            assertTrue(w.line(MEGABYTE_BLOB).smtp().matches("5\\d\\d .*"));
            assertTrue(w.line("NOOP").smtp().startsWith("250 "));
        }
        try (Wire w = Wire.open(server.port("pop3"), "127.0.0.105")) {
            assertTrue(w.readLine().startsWith("+OK"));
            assertTrue(w.line("AUTH PLAIN " + MEGABYTE_BLOB).readLine().startsWith("-ERR"));
            assertTrue(w.line("AUTH PLAIN").readLine().startsWith("+"));
            assertTrue(w.line(MEGABYTE_BLOB).readLine().startsWith("-ERR"));
            assertTrue(w.line("CAPA").readLine().startsWith("+OK"));
        }
        try (Wire w = Wire.open(server.port("imap"), "127.0.0.105")) {
            assertTrue(w.readLine().startsWith("* OK"));
            assertTrue(w.line("a AUTHENTICATE PLAIN " + MEGABYTE_BLOB).imap("a").matches("a (BAD|NO) .*"));
            w.line("b AUTHENTICATE PLAIN");
            assertTrue(w.readLine().startsWith("+"));
            assertTrue(w.line(MEGABYTE_BLOB).imap("b").matches("b (BAD|NO) .*"));
            assertTrue(w.line("c NOOP").imap("c").startsWith("c OK"));
        }
        String plain = Base64.getEncoder().encodeToString(("\0u1@localhost\0" + "p".repeat(600_000))
                .getBytes(StandardCharsets.UTF_8));
        try (Wire w = Smtp.session(server, "submission", "127.0.0.105")) {
            assertTrue(w.line("AUTH PLAIN " + plain).smtp().matches("5\\d\\d .*"), "a huge password");
        }
    }
}
