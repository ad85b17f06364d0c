package org.tegami.smtp.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tegami.api.MailAddress;
import org.tegami.api.RecipientResolver;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;

/** The ownership rule alone, with routing answers from a table instead of a server. */
class SenderOwnershipTest {

    private static final String ALICE = "alice@example.org";
    private static final RouteDecision TO_ALICE = new RouteDecision.Deliver(ALICE);
    private static final RouteDecision TO_BOB = new RouteDecision.Deliver("bob@example.org");
    private static final RouteDecision UNKNOWN = new RouteDecision.Reject(Reply.of(550, "5.1.1", "no such recipient"));

    private final Map<String, List<RouteDecision>> routes = new HashMap<>();
    private final SenderOwnership ownership = new SenderOwnership(
            a -> new RecipientResolver.Resolution(routes.getOrDefault(a.toString(), List.of(UNKNOWN))));

    private boolean owns(String sender) {
        return ownership.owns(ALICE, MailAddress.parse(sender));
    }

    @Test
    void theLoginItselfIsOwnedWhateverTheRoutersSay() {
        routes.put(ALICE, List.of(new RouteDecision.Relay("smtp")));
        assertTrue(owns("alice@example.org"));
        assertTrue(owns("ALICE@Example.ORG"));
    }

    @Test
    void anAddressDeliveredToTheLoginAloneIsOwned() {
        routes.put("alice+lists@example.org", List.of(TO_ALICE));
        routes.put("info@example.org", List.of(new RouteDecision.Deliver("Alice@Example.org", "Info")));
        routes.put("alice@example.net", List.of(new RouteDecision.Several(List.of(TO_ALICE, new RouteDecision.Deliver(ALICE, "Archive")))));
        assertTrue(owns("alice+lists@example.org"));
        assertTrue(owns("info@example.org"));
        assertTrue(owns("alice@example.net"));
    }

    @Test
    void anotherAccountsAddressIsNotOwned() {
        routes.put("bob@example.org", List.of(TO_BOB));
        routes.put("bob+x@example.org", List.of(TO_BOB));
        assertFalse(owns("bob@example.org"));
        assertFalse(owns("bob+x@example.org"));
    }

    @Test
    void anAddressThatAlsoReachesOthersIsNotOwned() {
        routes.put("team@example.org", List.of(TO_ALICE, TO_BOB));
        routes.put("copy@example.org", List.of(new RouteDecision.Several(List.of(TO_ALICE, new RouteDecision.Relay("smtp")))));
        routes.put("log@example.org", List.of(TO_ALICE, new RouteDecision.Pipe("/usr/bin/logger")));
        assertFalse(owns("team@example.org"));
        assertFalse(owns("copy@example.org"));
        assertFalse(owns("log@example.org"));
    }

    @Test
    void remoteUnknownAndDiscardedAddressesAreNotOwned() {
        routes.put("alice@gmail.example", List.of(new RouteDecision.Relay("smtp")));
        routes.put("void@example.org", List.of(new RouteDecision.Discard("alias to /dev/null")));
        routes.put("empty@example.org", List.of());
        routes.put("hollow@example.org", List.of(new RouteDecision.Several(List.of())));
        assertFalse(owns("alice@gmail.example"));
        assertFalse(owns("nobody@example.org"));
        assertFalse(owns("void@example.org"));
        assertFalse(owns("empty@example.org"));
        assertFalse(owns("hollow@example.org"));
    }

    @Test
    void aLocalPartThatOnlyStartsLikeTheLoginIsNotOwned() {
        assertFalse(owns("alice2@example.org"));
        assertFalse(owns("alice@example.org.evil.example"));
        assertFalse(owns("\"alice@example.org\"@evil.example"));
    }

    @Test
    void routingFailuresReachTheCaller() {
        SenderOwnership broken = new SenderOwnership(a -> {
            throw new IllegalStateException("rules unreadable");
        });
        assertThrows(IllegalStateException.class, () -> broken.owns(ALICE, MailAddress.parse("info@example.org")));
        assertTrue(broken.owns(ALICE, MailAddress.parse("alice@example.org")));
    }
}
