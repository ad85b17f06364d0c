package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No open relay, on any SMTP listener: every address trick that an old MTA once routed
 * elsewhere is either refused or, where that is the right reading, delivered locally; only an
 * authenticated client reaches the relay sink, and then (the control at the end) the sink
 * has seen its one recipient and nothing else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenRelayIT {

    /** A refusal naming relaying (RFC 5321 3.6.2 / RFC 3463 5.7.1). */
    private static final String DENIED = "550 5\\.7\\.1 .*";
    /** Any permanent refusal (unknown local user, bad syntax). */
    private static final String REFUSED = "5\\d\\d .*";
    /** Accepted for the local user u1 (the right reading of the address). */
    private static final String LOCAL = "250 .*";
    private static final String CONTROL = "control@remote.example";

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of(), started -> server = started);
    private static final AtomicInteger LOCAL_SENT = new AtomicInteger();

    static Stream<Arguments> addresses() {
        List<Arguments> all = new ArrayList<>();
        Object[][] variants = {
            {"<victim@remote.example>", DENIED},
            {"<@a.example:victim@b.example>", DENIED},              // source route to a remote host
            {"<@a.example,@b.example:victim@c.example>", DENIED},
            {"<@remote.example:u1@localhost>", LOCAL},              // RFC 5321 C: the route is ignored
            {"<victim%remote.example@localhost>", REFUSED},        // the % hack
            {"<\"victim@remote.example\"@localhost>", REFUSED},    // quoted local part with @
            {"<\"victim%remote.example\"@localhost>", REFUSED},
            {"<victim@remote.example@localhost>", REFUSED},
            {"<u1@localhost@remote.example>", REFUSED},
            {"<remote.example!victim@localhost>", REFUSED},        // UUCP bang path
            {"<remote.example!victim>", REFUSED},
            {"<victim@remote.example.>", REFUSED},                 // trailing dot
            {"<u1@localhost.>", "(5\\d\\d|250) .*"},
            {"<victim@[192.0.2.1]>", DENIED},                      // IP literals
            {"<victim@[127.0.0.1]>", "(5\\d\\d|250) .*"},
            {"<victim@[IPv6:2001:db8::1]>", DENIED},
            {"<U1@LOCALHOST>", LOCAL},                             // the local domain in other cases
            {"<u1@LocalHost>", LOCAL},
            {"<victim@REMOTE.Example>", DENIED},
            {"<victim@remote.example\\@localhost>", REFUSED},
        };
        for (String listener : List.of("smtp", "submission", "smtps")) {
            for (Object[] v : variants) {
                // submission and smtps refuse MAIL before AUTH (RFC 6409 4.3): the recipient is never looked at
                all.add(Arguments.of(listener, v[0], listener.equals("smtp") ? v[1] : "503 5\\.5\\.1 .*"));
            }
        }
        return all.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0} RCPT TO:{1}")
    @MethodSource("addresses")
    void unauthenticatedClientsRelayNothing(String listener, String address, String expected) throws Exception {
        try (Wire w = Smtp.session(server, listener, "127.0.0.11")) {
            String mail = w.line("MAIL FROM:<attacker@attacker.example>").smtp();
            assertTrue(mail.matches(listener.equals("smtp") ? "250 .*" : "530 5\\.7\\.0 .*"), "MAIL: " + mail);
            String rcpt = w.line("RCPT TO:" + address).smtp();
            assertTrue(rcpt.matches(expected), "RCPT TO:" + address + " on " + listener + ": " + rcpt);
            String data = w.line("DATA").smtp();
            if (rcpt.startsWith("250")) {
                int n = LOCAL_SENT.incrementAndGet();
                assertTrue(data.startsWith("354 "), data);
                assertTrue(w.send(Smtp.message("local " + n)).smtp().startsWith("250 "));
                List<String> inbox = server.awaitInbox("u1", n, Duration.ofSeconds(15));
                assertTrue(inbox.stream().anyMatch(m -> m.contains("Subject: local " + n + "\r\n")
                        || m.contains("Subject: local " + n + "\n")), "delivered to u1 locally");
            } else {
                assertTrue(data.startsWith("503 "), "DATA without a recipient: " + data);
            }
            assertTrue(w.line("QUIT").smtp().startsWith("221 "));
        }
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"smtp", "submission", "smtps"})
    void authenticatingAsSomeoneElseGainsNothing(String listener) throws Exception {
        // A fresh source each: every refusal counts toward the per-address lockout.
        String source = switch (listener) {
            case "smtp" -> "127.0.0.21";
            case "submission" -> "127.0.0.22";
            default -> "127.0.0.23";
        };
        try (Wire w = Smtp.session(server, listener, source)) {
            // RFC 4616: u1's password, but acting as u2
            assertTrue(Smtp.authPlain(w, "u2@localhost", "u1@localhost", "pass1").matches("535 5\\.7\\.8 .*"));
            // u2's name with u1's password
            assertTrue(Smtp.authPlain(w, "", "u2@localhost", "pass1").matches("535 5\\.7\\.8 .*"));
            String mail = w.line("MAIL FROM:<u2@localhost>").smtp();
            if (listener.equals("smtp")) {
                assertTrue(mail.startsWith("250 "), mail);
                assertTrue(w.line("RCPT TO:<victim@remote.example>").smtp().matches(DENIED));
            } else {
                assertTrue(mail.matches("530 5\\.7\\.0 .*"), mail);
            }
        }
    }

    @Order(3)
    @Test
    void onlyTheAuthenticatedControlReachedTheSink() throws Exception {
        try (Wire w = Smtp.session(server, "submission", "127.0.0.24")) {
            assertTrue(Smtp.authPlain(w, "", "u1@localhost", "pass1").startsWith("235 "));
            assertTrue(w.line("MAIL FROM:<u1@localhost>").smtp().startsWith("250 "));
            assertTrue(w.line("RCPT TO:<" + CONTROL + ">").smtp().startsWith("250 "));
            assertTrue(w.line("DATA").smtp().startsWith("354 "));
            assertTrue(w.send(Smtp.message("control")).smtp().startsWith("250 "));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((server.sink().recipients().isEmpty() || server.queued() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // a queue rescan: anything else accepted would be relayed by now
        assertEquals(List.of("<" + CONTROL + ">"), server.sink().recipients().stream()
                .map(r -> r.replaceAll(" .*", "")).toList(), "recipients relayed to the sink");
        assertEquals(0, server.queued(), "messages left in the queue");
        assertEquals(LOCAL_SENT.get(), server.inbox("u1").size(), "local deliveries to u1");
        server.assertServes("127.0.0.25");
    }
}
