package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SMTP smuggling (CVE-2023-51764 and kin) against the MX listener: a false end of data in DATA
 * or BDAT content, followed by a second transaction for another recipient, must neither end
 * the message early nor get that second message in. The client pipelines the attack and a
 * NOOP: exactly two replies may come back (the message's and the NOOP's), the smuggled
 * recipient u2 gets nothing, and each session stays in step (a legitimate message follows).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmtpSmugglingIT {

    private static final String SMUGGLED = "MAIL FROM:<admin@attack.test>\r\nRCPT TO:<u2@localhost>\r\nDATA\r\n"
            + "From: admin@attack.test\r\nSubject: smuggled\r\n\r\nforged\r\n.\r\n";

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of(), started -> server = started);
    /** Messages u1 should have: each accepted attack message and each legitimate follow-up. */
    private static final AtomicInteger FOR_U1 = new AtomicInteger();

    static Stream<Arguments> endings() {
        List<Arguments> all = new ArrayList<>();
        String[][] ends = {
            {"LF.LF", "\n.\n"}, {"CR.LF", "\r.\n"}, {"LF.CRLF", "\n.\r\n"}, {"CRLF.CR", "\r\n.\r"},
            {"CRLF.LF", "\r\n.\n"}, {"CR.CRLF", "\r.\r\n"}, {"CR.CR", "\r.\r"}, {"LF.CR", "\n.\r"},
            {"CRLF.NUL CRLF", "\r\n.\0\r\n"}, {"CR NUL LF.CRLF", "\r\0\n.\r\n"}, {"CRLF NUL.CRLF", "\r\n\0.\r\n"},
        };
        for (String mode : List.of("DATA", "BDAT")) {
            for (String[] end : ends) {
                all.add(Arguments.of(mode, end[0], end[1]));
            }
        }
        return all.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endings")
    void aFalseEndOfDataSmugglesNothing(String mode, String label, String end) throws Exception {
        try (Wire w = Smtp.session(server, "smtp", "127.0.0.31")) {
            assertTrue(w.line("MAIL FROM:<sender@upstream.example>").smtp().startsWith("250 "));
            assertTrue(w.line("RCPT TO:<u1@localhost>").smtp().startsWith("250 "));
            String content = "From: sender@upstream.example\r\nSubject: real " + label + "\r\n\r\nhello" + end + SMUGGLED;
            if (mode.equals("DATA")) {
                assertTrue(w.line("DATA").smtp().startsWith("354 "));
                w.send(content + "NOOP\r\n");
            } else {
                w.send("BDAT " + content.length() + " LAST\r\n" + content + "NOOP\r\n");
            }
            List<String> replies = repliesUntilQuiet(w);
            assertEquals(2, replies.size(), "replies to the message and the NOOP only: " + replies);
            String verdict = replies.get(0);
            assertTrue(verdict.matches("(250|5\\d\\d) .*"), verdict);
            assertTrue(replies.get(1).startsWith("250 "), replies.get(1));
            if (verdict.startsWith("250")) {
                FOR_U1.incrementAndGet();
            }
            // still in step: an ordinary message after the attack
            assertTrue(w.line("RSET").smtp().startsWith("250 "));
            assertTrue(w.line("MAIL FROM:<sender@upstream.example>").smtp().startsWith("250 "));
            assertTrue(w.line("RCPT TO:<u1@localhost>").smtp().startsWith("250 "));
            assertTrue(w.line("DATA").smtp().startsWith("354 "));
            assertTrue(w.send(Smtp.message("legit after " + mode + " " + label)).smtp().startsWith("250 "));
            FOR_U1.incrementAndGet();
            assertTrue(w.line("QUIT").smtp().startsWith("221 "));
        }
    }

    @Order(2)
    @Test
    void theSmuggledRecipientGotNothing() throws Exception {
        List<String> u1 = server.awaitInbox("u1", FOR_U1.get(), Duration.ofSeconds(20));
        Thread.sleep(1500); // a queue rescan: a smuggled message would have landed by now
        assertEquals(FOR_U1.get(), server.inbox("u1").size(), "messages in u1's INBOX");
        assertEquals(List.of(), server.inbox("u2"), "messages for the smuggled recipient u2");
        for (String m : u1) {
            // an accepted attack message is one message: the smuggled part is its body
            String headers = m.substring(0, Math.max(0, m.indexOf("\n\n") < 0 ? m.indexOf("\r\n\r\n") : m.indexOf("\n\n")));
            assertTrue(!headers.contains("Subject: smuggled"), "a smuggled message's headers: " + m);
        }
        assertEquals(0, server.sink().connections(), "outbound connections");
        server.assertServes("127.0.0.32");
    }

    /** Every SMTP reply the server sends until it has been quiet for a moment (pipelined replies come together). */
    private static List<String> repliesUntilQuiet(Wire w) throws IOException {
        List<String> replies = new ArrayList<>();
        w.timeout(Duration.ofSeconds(5));
        try {
            while (true) {
                String r = w.smtp();
                if (r == null) {
                    break;
                }
                replies.add(r);
                w.timeout(Duration.ofMillis(300));
            }
        } catch (SocketTimeoutException e) {
            // quiet
        }
        w.timeout(Duration.ofSeconds(10));
        return replies;
    }
}
