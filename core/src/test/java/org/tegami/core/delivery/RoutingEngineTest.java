package org.tegami.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tegami.api.MailAddress;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;

class RoutingEngineTest {

    static Router router(int order, Function<MailAddress, RouteDecision> f) {
        return new Router() {
            @Override
            public int order() {
                return order;
            }

            @Override
            public RouteDecision route(MailAddress recipient) {
                return f.apply(recipient);
            }
        };
    }

    static Router table(int order, Map<String, RouteDecision> map) {
        return router(order, a -> map.getOrDefault(a.toString(), RouteDecision.pass()));
    }

    static final Router LOCAL = router(900, a -> a.domain().equals("localhost")
            ? new RouteDecision.Deliver(a.localPart() + "@localhost") : RouteDecision.pass());

    static MailAddress addr(String s) {
        return MailAddress.parse(s);
    }

    @Test
    void firstNonPassInOrderWins() {
        Router early = table(100, Map.of("a@localhost", new RouteDecision.Discard("early")));
        RoutingEngine engine = new RoutingEngine(() -> List.of(LOCAL, early));

        assertEquals(List.of(new RouteDecision.Discard("early")), engine.resolve(addr("a@localhost")).decisions());
        assertEquals(List.of(new RouteDecision.Deliver("b@localhost")), engine.resolve(addr("b@localhost")).decisions());
    }

    @Test
    void rewritesAndSeveralPartsGoThroughTheWholeChainAgain() {
        Router aliases = table(100, Map.of(
                "team@localhost", new RouteDecision.Rewrite(List.of(addr("ann@localhost"), addr("x@remote.example"))),
                "ann@localhost", new RouteDecision.Several(List.of(new RouteDecision.Deliver("ann@localhost"),
                        new RouteDecision.Rewrite(List.of(addr("bob@localhost"))), new RouteDecision.Pipe("cat")))));
        Router relay = router(800, a -> a.domain().equals("localhost") ? RouteDecision.pass() : new RouteDecision.Relay("smtp"));
        RoutingEngine engine = new RoutingEngine(() -> List.of(LOCAL, relay, aliases));

        List<Routed> out = engine.expand(addr("team@localhost"));

        assertEquals(List.of(
                new Routed(addr("ann@localhost"), new RouteDecision.Deliver("ann@localhost")),
                new Routed(addr("bob@localhost"), new RouteDecision.Deliver("bob@localhost")),
                new Routed(addr("ann@localhost"), new RouteDecision.Pipe("cat")),
                new Routed(addr("x@remote.example"), new RouteDecision.Relay("smtp"))), out);
    }

    @Test
    void aLoopIsRejectedWith546() {
        Router loop = table(100, Map.of(
                "a@localhost", new RouteDecision.Rewrite(List.of(addr("b@localhost"))),
                "b@localhost", new RouteDecision.Rewrite(List.of(addr("A@localhost")))));
        RoutingEngine engine = new RoutingEngine(() -> List.of(loop, LOCAL));

        Reply r = engine.resolve(addr("a@localhost")).rejection();

        assertEquals(554, r.code());
        assertEquals("5.4.6", r.enhanced());
        assertEquals("routing loop", r.text());
    }

    @Test
    void aChainDeeperThanTwentyIsALoop() {
        Router deeper = router(100, a -> a.localPart().startsWith("n")
                ? new RouteDecision.Rewrite(List.of(addr("n" + (Integer.parseInt(a.localPart().substring(1)) + 1) + "@localhost")))
                : RouteDecision.pass());
        RoutingEngine engine = new RoutingEngine(() -> List.of(deeper, LOCAL));

        assertEquals("5.4.6", engine.resolve(addr("n0@localhost")).rejection().enhanced());
    }

    @Test
    void addressNoRouterTakesIsRejected550() {
        RoutingEngine engine = new RoutingEngine(() -> List.of(LOCAL));

        Reply r = engine.resolve(addr("x@elsewhere.example")).rejection();

        assertEquals(550, r.code());
        assertEquals("5.1.1", r.enhanced());
        assertNull(engine.resolve(addr("ok@localhost")).rejection());
    }
}
