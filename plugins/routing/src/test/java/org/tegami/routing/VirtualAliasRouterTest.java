package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tegami.routing.RoutingFixture.addr;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.RouteDecision;

class VirtualAliasRouterTest {

    @TempDir
    Path root;

    private VirtualAliasRouter router;

    @BeforeEach
    void setUp() throws Exception {
        RoutingFixture f = new RoutingFixture(root, Set.of("localhost", "example.com", "example.edu"), "alice@localhost",
                "info@example.com", "dave+private@example.edu");
        f.write("virtual", String.join("\n",
                "# virtual-only domain example.org with a catch-all",
                "info@example.org      alice@localhost, bob@example.net",
                "@example.org          catchall@localhost",
                "sales@example.org     sales@example.org",
                "# virtual-only domain without catch-all",
                "hello@example.net     alice@localhost",
                "# a local domain: map to itself plus a copy",
                "info@example.com      info@example.com, archive@example.net",
                "@example.com          alice@localhost",
                "boss@example.com      boss@example.com",
                "dave@example.edu      carol@example.net",
                ""));
        router = f.start(new VirtualAliasRouter());
    }

    private static RouteDecision rewrite(String... addresses) {
        return new RouteDecision.Rewrite(List.of(addresses).stream().map(RoutingFixture::addr).toList());
    }

    @Test
    void anExactAddressWinsOverTheCatchAll() {
        assertEquals(rewrite("alice@localhost", "bob@example.net"), router.route(addr("INFO@example.org")));
        assertEquals(rewrite("catchall@localhost"), router.route(addr("anyone@example.org")));
    }

    @Test
    void theDelimiterIsTriedBeforeTheCatchAll() {
        assertEquals(rewrite("alice@localhost", "bob@example.net"), router.route(addr("info+web@example.org")));
    }

    @Test
    void unknownAddressesOfVirtualOnlyDomainsAreRefused() {
        assertEquals(Replies.NO_SUCH_USER, router.route(addr("nobody@example.net")));
        assertEquals(rewrite("alice@localhost"), router.route(addr("hello@example.net")));
    }

    @Test
    void otherDomainsPass() {
        assertEquals(RouteDecision.pass(), router.route(addr("alice@localhost")));
        assertEquals(RouteDecision.pass(), router.route(addr("x@elsewhere.example")));
    }

    @Test
    void anAddressMappedToItselfLeavesTheMapInALocalDomain() {
        assertEquals(RouteDecision.pass(), router.route(addr("boss@example.com")));
        assertEquals(new RouteDecision.Several(List.of(new RouteDecision.Deliver("info@example.com"),
                rewrite("archive@example.net"))), router.route(addr("info@example.com")));
    }

    @Test
    void anAccountWithTheFullNameIsNotTakenForTheBaseAddress() {
        assertEquals(RouteDecision.pass(), router.route(addr("dave+private@example.edu")));
        assertEquals(rewrite("carol@example.net"), router.route(addr("dave+news@example.edu")));
    }

    @Test
    void anAddressMappedToItselfInAVirtualOnlyDomainHasNowhereToGo() {
        assertEquals(Replies.NO_SUCH_USER, router.route(addr("sales@example.org")));
    }

    @Test
    void aCatchAllTargetInItsOwnDomainEndsTheLookup() {
        assertEquals(rewrite("alice@localhost"), router.route(addr("someone@example.com")));
    }
}
