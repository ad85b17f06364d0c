package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of pipelined commands that make no progress (NOOP, RSET, CAPA, USER, bad commands,
 * refused recipients, commands before login) on every plain listener: the server answers a
 * bounded number of them and ends the session with its protocol's closing reply.
 */
class CommandFloodIT {

    private static final int FLOOD = 2000;

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of(), started -> server = started)
            .servingAtTheEnd("127.0.0.69");

    /**
     * @param listener where to send
     * @param before what to send once first ({@code |} separates lines)
     * @param command the command repeated {@value #FLOOD} times ({@code |} separates lines, {@code #} is the count)
     * @param maxAnswered at most this many replies before the close
     * @param farewell the closing reply, when the client still gets to read it
     */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = ';', value = {
        "smtp; EHLO a.example; NOOP; 30; 421 4\\.7\\.0 .*",
        "smtp; EHLO a.example; RSET; 30; 421 4\\.7\\.0 .*",
        "smtp; EHLO a.example; EHLO a.example; 30; 421 4\\.7\\.0 .*",
        "smtp; EHLO a.example; HELP; 30; 421 4\\.7\\.0 .*",
        "smtp; EHLO a.example; XYZZY; 30; 421 4\\.7\\.0 .*",
        "smtp; EHLO a.example; MAIL FROM:<a@a.example>|RCPT TO:<u1@localhost>|RSET; 100; 421 4\\.7\\.0 .*",
        "smtp; EHLO a.example|MAIL FROM:<a@a.example>; RCPT TO:<nobody#@localhost>; 30; 421 4\\.7\\.0 .*",
        "smtp; EHLO a.example|MAIL FROM:<a@a.example>; RCPT TO:<victim#@remote.example>; 30; 421 4\\.7\\.0 .*",
        "submission; EHLO a.example; MAIL FROM:<a@a.example>; 30; 421 4\\.7\\.0 .*",
        "pop3; CAPA; CAPA; 60; -ERR too many .*",
        "pop3; CAPA; USER u1@localhost; 60; -ERR too many .*",
        "pop3; CAPA; STAT; 30; -ERR too many .*",
        "pop3; CAPA; XYZZY; 30; -ERR too many .*",
        "pop3; CAPA; NOOP|CAPA; 60; -ERR too many .*",
        "imap; a NOOP; a CAPABILITY; 60; \\* BYE .*",
        "imap; a NOOP; a NOOP; 60; \\* BYE .*",
        "imap; a NOOP; a NOOP|b XYZZY; 60; \\* BYE .*",
        "imap; a NOOP; a SELECT INBOX; 60; \\* BYE .*",
        "imap; a LOGIN u1@localhost pass1; a XYZZY; 30; \\* BYE .*",
    })
    void floodsEndTheSession(String listener, String before, String command, int maxAnswered, String farewell)
            throws Exception {
        String[] first = before.split("\\|");
        String[] repeated = command.split("\\|");
        // pipelined: the server reads a bounded number of them and hangs up on the rest
        try (Wire w = greeted(listener)) {
            w.send(lines(first, 0));
            StringBuilder flood = new StringBuilder();
            for (int i = 0; i < FLOOD; i++) {
                flood.append(lines(repeated, i));
            }
            w.sendQuietly(flood.toString());
            List<String> read = w.linesUntilClosed(Duration.ofSeconds(10));
            long answers = read.stream().filter(l -> l.matches(FINAL.get(listener))).count();
            assertTrue(answers <= maxAnswered + first.length, answers + " replies to " + FLOOD + " commands");
        }
        // in lock step, to read the closing reply (a hang-up with unread input resets, losing it)
        try (Wire w = greeted(listener)) {
            w.send(lines(first, 0));
            for (int i = 0; i < first.length; i++) {
                finalLine(w, listener);
            }
            for (int i = 0; i < FLOOD; i++) {
                w.send(lines(repeated, i));
                for (int j = 0; j < repeated.length; j++) {
                    String reply = finalLine(w, listener);
                    assertTrue(reply != null, "closed without a closing reply after " + i + " rounds");
                    if (reply.matches(farewell)) {
                        assertTrue(i <= maxAnswered, "closing reply after " + i + " rounds");
                        assertTrue(w.closedWithin(Duration.ofSeconds(3)), "still open after " + reply);
                        return;
                    }
                }
            }
            throw new AssertionError("no closing reply after " + FLOOD + " rounds");
        }
    }

    private static final Map<String, String> FINAL = Map.of(
            "smtp", "\\d{3} .*", "submission", "\\d{3} .*",
            "pop3", "(-ERR|\\+OK(?! Capability list)).*|\\.",
            "imap", "([a-z] (OK|NO|BAD)|\\* BYE) .*");

    private Wire greeted(String listener) throws java.io.IOException {
        Wire w = Wire.open(server.port(listener), "127.0.0.61");
        String greeting = w.readLine();
        assertTrue(greeting.matches("(220|\\+OK|\\* OK) .*"), greeting);
        return w;
    }

    /** The last line of the next reply (skipping continuation, untagged and listing lines). */
    private static String finalLine(Wire w, String listener) throws java.io.IOException {
        String line;
        do {
            line = w.readLine();
        } while (line != null && !line.matches(FINAL.get(listener)));
        return line;
    }

    private static String lines(String[] commands, int n) {
        StringBuilder out = new StringBuilder();
        for (String c : commands) {
            out.append(c.replace("#", Integer.toString(n))).append("\r\n");
        }
        return out.toString();
    }

}
