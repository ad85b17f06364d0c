package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tegami.routing.RoutingFixture.addr;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;

class LocalUserRouterTest {

    @TempDir
    Path root;

    private LocalUserRouter router(String delimiter) throws Exception {
        RoutingFixture f = new RoutingFixture(root, Set.of("example.org", "localhost"),
                "alice@example.org", "alice+lists@example.org", "bob@localhost");
        if (delimiter != null) {
            f.set("recipient-delimiter", delimiter);
        }
        return f.start(new LocalUserRouter());
    }

    @Test
    void deliversToTheInboxOfAnAccountIgnoringCase() throws Exception {
        LocalUserRouter r = router(null);
        assertEquals(new RouteDecision.Deliver("alice@example.org", "INBOX"), r.route(addr("Alice@Example.org")));
        assertEquals(new RouteDecision.Deliver("bob@localhost"), r.route(addr("BOB@localhost")));
    }

    @Test
    void refusesUnknownUsersOfLocalDomains() throws Exception {
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.1.1", "no such user")),
                router(null).route(addr("carol@example.org")));
    }

    @Test
    void passesOtherDomains() throws Exception {
        assertEquals(RouteDecision.pass(), router(null).route(addr("alice@example.net")));
    }

    @Test
    void stripsTheExtensionOnlyWhenTheFullAddressIsNoAccount() throws Exception {
        LocalUserRouter r = router(null);
        assertEquals(new RouteDecision.Deliver("alice@example.org"), r.route(addr("alice+shop@example.org")));
        assertEquals(new RouteDecision.Deliver("alice+lists@example.org"), r.route(addr("alice+lists@example.org")));
        assertEquals(new RouteDecision.Deliver("bob@localhost"), r.route(addr("bob+a+b@localhost")));
    }

    @Test
    void honoursOtherAndMissingDelimiters() throws Exception {
        assertEquals(new RouteDecision.Deliver("alice@example.org"), router("-+").route(addr("alice-shop@example.org")));
        assertEquals(Replies.NO_SUCH_USER, router("").route(addr("alice+shop@example.org")));
    }
}
