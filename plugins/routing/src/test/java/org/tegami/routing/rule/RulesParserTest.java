package org.tegami.routing.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.api.ConfigException;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.routing.file.Parsed;

class RulesParserTest {

    private static final Path FILE = Path.of("conf/routes");

    private static RouteDecision only(String line) {
        Parsed<RuleSet> p = RulesParser.parse(FILE, line);
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        return p.value().rules().get(0).decision();
    }

    @Test
    void readsRelayRules() {
        assertEquals(new RouteDecision.Relay("smtp", "mail.example.net:587", true),
                only("example.com  relay smtp:[mail.example.net]:587 require-tls"));
        assertEquals(new RouteDecision.Relay("smtp", null, false), only("* relay smtp"));
        assertEquals(new RouteDecision.Relay("lmtp", "backend", false), only(".example.com relay LMTP:Backend"));
        assertEquals(new RouteDecision.Relay("smtp", "10.0.0.5:2525", false), only("x.org relay smtp:10.0.0.5:2525"));
        assertEquals(new RouteDecision.Relay("smtp", "relay.example.net", false), only("x.org relay smtp:[relay.example.net]"));
    }

    @Test
    void readsRejectRules() {
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.7.1", "We do not accept mail from you")),
                only("spam.example  reject 550 5.7.1 We do not accept mail from you"));
        assertEquals(new RouteDecision.Reject(Reply.of(450, "4.7.1", "recipient rejected by policy")),
                only("spam.example reject 450"));
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.7.1", "recipient rejected by policy")),
                only("spam.example reject"));
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.7.1", "Bob has left")), only("bob@example.com reject Bob has left"));
        assertEquals(new RouteDecision.Reject(Reply.of(551, "5.1.6", "moved to bob@example.net")),
                only("bob@example.com reject 551 5.1.6\n  moved to bob@example.net"));
    }

    @Test
    void readsPatterns() {
        Parsed<RuleSet> p = RulesParser.parse(FILE, "* reject\nExample.COM reject\n.example.com reject\nBob@example.com reject\n");
        assertEquals(List.of(new RecipientPattern(RecipientPattern.Kind.ANY, "*"),
                new RecipientPattern(RecipientPattern.Kind.DOMAIN, "example.com"),
                new RecipientPattern(RecipientPattern.Kind.SUBDOMAINS, ".example.com"),
                new RecipientPattern(RecipientPattern.Kind.ADDRESS, "bob@example.com")),
                p.value().rules().stream().map(RouteRule::pattern).toList());
    }

    @Test
    void skipsBadLinesWithFileAndLine() {
        Parsed<RuleSet> p = RulesParser.parse(FILE, String.join("\n",
                "example.com",
                "example.com forward smtp",
                "example.com relay",
                "example.com relay smtp:host:99999",
                "example.com relay smtp fast",
                "example.com relay smtp:[host",
                "example.com reject 550 4.7.1 mismatch",
                "example.com reject 250 fine",
                "exa_mple..com reject",
                "good.example relay smtp",
                ""));
        assertEquals(1, p.value().rules().size());
        assertEquals(10, p.value().rules().get(0).line());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), p.problems().stream().map(ConfigException::line).toList());
        assertTrue(p.problems().get(1).getMessage().startsWith("conf/routes:2: unknown action \"forward\""));
    }
}
