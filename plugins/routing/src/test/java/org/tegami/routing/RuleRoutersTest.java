package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tegami.routing.RoutingFixture.addr;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;

class RuleRoutersTest {

    @TempDir
    Path root;

    private RejectRuleRouter reject;
    private RelayRuleRouter relay;

    @BeforeEach
    void setUp() throws Exception {
        RoutingFixture f = new RoutingFixture(root, Set.of("localhost"), "alice@localhost");
        f.set("rules", "conf/my-routes");
        f.write("my-routes", String.join("\n",
                "spam.example          reject 550 5.7.1 We do not accept mail from you",
                "bob@localhost         reject 550 5.1.6 Bob has left",
                "partner.example       relay smtp:[mail.partner.example]:587 require-tls",
                "partner.example       reject",
                ".corp.example         relay lmtp:[10.0.0.7]:24",
                "closed.example        reject 450 4.7.1 Try again tomorrow",
                "localhost             relay smtp:never.example",
                ""));
        reject = f.start(new RejectRuleRouter());
        relay = f.start(new RelayRuleRouter());
    }

    @Test
    void rejectRulesRefuseRecipientDomainsAndAddresses() {
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.7.1", "We do not accept mail from you")),
                reject.route(addr("anyone@spam.example")));
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.1.6", "Bob has left")), reject.route(addr("Bob+x@localhost")));
        assertEquals(new RouteDecision.Reject(Reply.of(450, "4.7.1", "Try again tomorrow")),
                reject.route(addr("a@closed.example")));
    }

    @Test
    void rejectRulesPassWhenNoRuleOrARelayRuleMatchesFirst() {
        assertEquals(RouteDecision.pass(), reject.route(addr("alice@localhost")));
        assertEquals(RouteDecision.pass(), reject.route(addr("x@partner.example")));
        assertEquals(RouteDecision.pass(), reject.route(addr("x@nowhere.example")));
    }

    @Test
    void relayRulesNameTransportNextHopAndTls() {
        assertEquals(new RouteDecision.Relay("smtp", "mail.partner.example:587", true), relay.route(addr("x@partner.example")));
        assertEquals(new RouteDecision.Relay("lmtp", "10.0.0.7:24", false), relay.route(addr("x@mx.corp.example")));
    }

    @Test
    void otherRemoteDomainsRelayBySmtpToTheirMx() {
        assertEquals(new RouteDecision.Relay("smtp", null, false), relay.route(addr("x@corp.example")));
        assertEquals(RelayRuleRouter.DEFAULT, relay.route(addr("friend@example.net")));
    }

    @Test
    void localDomainsNeverRelay() {
        assertEquals(RouteDecision.pass(), relay.route(addr("nobody@localhost")));
    }

    @Test
    void theRouterOrderMatchesTheChain() {
        assertEquals(100, reject.order());
        assertEquals(900, relay.order());
    }
}
