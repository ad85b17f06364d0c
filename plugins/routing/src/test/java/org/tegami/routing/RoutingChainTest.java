package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tegami.routing.RoutingFixture.addr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.MailAddress;
import org.tegami.api.RecipientResolver.Resolution;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;

/** The standard routers as one chain, resolved the way the host does it. */
class RoutingChainTest {

    @TempDir
    Path root;

    private ChainResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        RoutingFixture f = new RoutingFixture(root, Set.of("localhost", "example.com"),
                "alice@localhost", "bob@localhost", "carol@example.com");
        f.write("aliases", String.join("\n",
                "postmaster: root",
                "root: alice",
                "team: alice, bob,",
                "      |/usr/bin/logger -t team",
                "bob: bob, carol@example.com",
                "spam-trap: x@spam.example",
                ""));
        f.write("virtual", String.join("\n",
                "info@example.org   carol@example.com, sales@partner.example",
                "@example.org       alice@localhost",
                ""));
        f.write("routes", String.join("\n",
                "spam.example      reject 550 5.7.1 We do not accept mail from you",
                "partner.example   relay smtp:[mx.partner.example]:587 require-tls",
                ""));
        List<Router> routers = new ArrayList<>(List.of(new RelayRuleRouter(), new LocalUserRouter(), new AliasRouter(),
                new VirtualAliasRouter(), new RejectRuleRouter()));
        for (Router r : routers) {
            f.start(r);
        }
        routers.sort(Comparator.comparingInt(Router::order));
        assertEquals(List.of(RejectRuleRouter.class, VirtualAliasRouter.class, AliasRouter.class, LocalUserRouter.class,
                RelayRuleRouter.class), routers.stream().map(Object::getClass).toList());
        resolver = new ChainResolver(routers);
    }

    private List<RouteDecision> resolve(String address) {
        return resolver.resolve(addr(address)).decisions();
    }

    @Test
    void nestedAliasesEndInAMailbox() {
        assertEquals(List.of(new RouteDecision.Deliver("alice@localhost")), resolve("postmaster@localhost"));
    }

    @Test
    void anAliasWithSeveralKindsOfTargets() {
        assertEquals(List.of(new RouteDecision.Deliver("bob@localhost"), new RouteDecision.Deliver("alice@localhost"),
                new RouteDecision.Deliver("carol@example.com"), new RouteDecision.Pipe("/usr/bin/logger -t team")),
                resolve("team@localhost"));
    }

    @Test
    void extensionsReachTheMailbox() {
        assertEquals(List.of(new RouteDecision.Deliver("alice@localhost")), resolve("Alice+news@localhost"));
    }

    @Test
    void virtualAddressesFanOutToLocalAndRemote() {
        assertEquals(List.of(new RouteDecision.Deliver("carol@example.com"),
                new RouteDecision.Relay("smtp", "mx.partner.example:587", true)), resolve("info@example.org"));
        assertEquals(List.of(new RouteDecision.Deliver("alice@localhost")), resolve("anything@example.org"));
    }

    @Test
    void rejectRulesHoldAlsoAfterAnAlias() {
        Resolution r = resolver.resolve(addr("spam-trap@localhost"));
        assertEquals(Reply.of(550, "5.7.1", "We do not accept mail from you"), r.rejection());
    }

    @Test
    void remoteMailRelaysAndUnknownLocalUsersAreRefused() {
        Resolution remote = resolver.resolve(addr("friend@example.net"));
        assertEquals(List.of(new RouteDecision.Relay("smtp")), remote.decisions());
        assertEquals(true, remote.relays());
        assertEquals(Reply.of(550, "5.1.1", "no such user"), resolver.resolve(addr("nobody@example.com")).rejection());
    }

    /**
     * The host's resolution, in small: routers in order, the first decision that is not Pass
     * wins, Rewrite sends each address through the chain again, Several is followed part by part.
     */
    private static final class ChainResolver {

        private static final int MAX_DEPTH = 20;

        private final List<Router> routers;

        ChainResolver(List<Router> routers) {
            this.routers = routers;
        }

        Resolution resolve(MailAddress recipient) {
            List<RouteDecision> out = new ArrayList<>();
            route(recipient, 0, out);
            return new Resolution(out);
        }

        private void route(MailAddress address, int depth, List<RouteDecision> out) {
            if (depth > MAX_DEPTH) {
                out.add(new RouteDecision.Reject(Reply.of(550, "5.4.6", "routing loop")));
                return;
            }
            for (Router router : routers) {
                RouteDecision d = router.route(address);
                if (!(d instanceof RouteDecision.Pass)) {
                    follow(d, depth, out);
                    return;
                }
            }
            out.add(new RouteDecision.Reject(Reply.of(550, "5.1.1", "no such user")));
        }

        private void follow(RouteDecision d, int depth, List<RouteDecision> out) {
            if (d instanceof RouteDecision.Rewrite rw) {
                rw.addresses().forEach(a -> route(a, depth + 1, out));
            } else if (d instanceof RouteDecision.Several s) {
                s.parts().forEach(p -> follow(p, depth, out));
            } else if (!out.contains(d)) {
                out.add(d);
            }
        }
    }
}
