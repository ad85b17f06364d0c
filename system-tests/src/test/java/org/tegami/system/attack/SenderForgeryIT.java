package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A logged-in user cannot send as someone else: with the packaged server's default settings,
 * u1 authenticated on any SMTP listener is refused {@code 553 5.7.1} for another user's address
 * in every spelling, for unknown local addresses and for other domains, and nothing of those
 * attempts is delivered or relayed; u1's own address still works (the control at the end).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SenderForgeryIT {

    private static final String NOT_OWNED = "553 5\\.7\\.1 Sender address not owned by user u1@localhost";

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of(), started -> server = started);

    static Stream<Arguments> forgeries() {
        List<String> senders = List.of(
                "<u2@localhost>",
                "<U2@LOCALHOST>",
                "<u2+tag@localhost>",                       // another user's recipient-delimiter form
                "<\"u2\"@localhost>",                       // quoted, the same mailbox
                "<@relay.example:u2@localhost>",            // source route, ignored (RFC 5321 C)
                "<postmaster@localhost>",                   // no alias here: nobody's
                "<u1@localhost.evil.example>",
                "<\"u1@localhost\"@evil.example>",
                "<ceo@bank.example>");
        List<Arguments> all = new ArrayList<>();
        for (String listener : List.of("smtp", "submission", "smtps")) {
            senders.forEach(s -> all.add(Arguments.of(listener, s)));
        }
        return all.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0} MAIL FROM:{1}")
    @MethodSource("forgeries")
    void anotherUsersAddressIsRefused(String listener, String sender) throws Exception {
        try (Wire w = Smtp.session(server, listener, "127.0.0.41")) {
            assertTrue(Smtp.authPlain(w, "", "u1@localhost", "pass1").startsWith("235 "));
            String mail = w.line("MAIL FROM:" + sender).smtp();
            assertTrue(mail.matches(NOT_OWNED), "MAIL FROM:" + sender + " on " + listener + ": " + mail);
            assertTrue(w.line("RCPT TO:<u3@localhost>").smtp().startsWith("503 "));
            assertTrue(w.line("RCPT TO:<victim@remote.example>").smtp().startsWith("503 "));
            assertTrue(w.line("DATA").smtp().startsWith("503 "));
            assertTrue(w.line("QUIT").smtp().startsWith("221 "));
        }
    }

    @Order(2)
    @Test
    void onlyTheOwnAddressGotThrough() throws Exception {
        try (Wire w = Smtp.session(server, "submission", "127.0.0.42")) {
            assertTrue(Smtp.authPlain(w, "", "u1@localhost", "pass1").startsWith("235 "));
            assertTrue(w.line("MAIL FROM:<u1+outbox@localhost>").smtp().startsWith("250 "));
            assertTrue(w.line("RCPT TO:<u3@localhost>").smtp().startsWith("250 "));
            assertTrue(w.line("DATA").smtp().startsWith("354 "));
            assertTrue(w.send(Smtp.message("control")).smtp().startsWith("250 "));
        }
        List<String> inbox = server.awaitInbox("u3", 1, Duration.ofSeconds(15));
        assertEquals(1, inbox.size(), "u3's INBOX");
        assertTrue(inbox.get(0).contains("Return-Path: <u1+outbox@localhost>"), inbox.get(0));
        Thread.sleep(1500); // a queue rescan: anything else accepted would be delivered or relayed by now
        assertEquals(1, server.inbox("u3").size(), "u3's INBOX after a rescan");
        assertEquals(0, server.inbox("u2").size(), "u2's INBOX");
        assertEquals(List.of(), server.sink().recipients(), "recipients relayed to the sink");
        assertEquals(0, server.queued(), "messages left in the queue");
        server.assertServes("127.0.0.43");
    }
}
