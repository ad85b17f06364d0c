package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tegami.routing.RoutingFixture.addr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.RouteDecision;

/** A running router sees an edited file after at most a second, with the real clock. */
class ReloadWithoutRestartTest {

    @TempDir
    Path root;

    @Test
    void aliasesVirtualAndRulesFollowTheirFiles() throws Exception {
        RoutingFixture f = new RoutingFixture(root, Set.of("localhost"), "alice@localhost");
        Path aliases = f.write("aliases", "ops: alice\n");
        Path virtual = f.write("virtual", "");
        Path routes = f.write("routes", "");
        AliasRouter alias = f.start(new AliasRouter());
        VirtualAliasRouter virt = f.start(new VirtualAliasRouter());
        RelayRuleRouter relay = f.start(new RelayRuleRouter());
        assertEquals(new RouteDecision.Rewrite(List.of(addr("alice@localhost"))), alias.route(addr("ops@localhost")));
        assertEquals(RouteDecision.pass(), virt.route(addr("x@example.org")));
        assertEquals(RelayRuleRouter.DEFAULT, relay.route(addr("x@example.net")));

        edit(aliases, "ops: carol@example.net\n");
        edit(virtual, "@example.org alice@localhost\n");
        edit(routes, "example.net relay smtp:[smarthost.example]:587\n");
        Thread.sleep(1100);

        assertEquals(new RouteDecision.Rewrite(List.of(addr("carol@example.net"))), alias.route(addr("ops@localhost")));
        assertEquals(new RouteDecision.Rewrite(List.of(addr("alice@localhost"))), virt.route(addr("x@example.org")));
        assertEquals(new RouteDecision.Relay("smtp", "smarthost.example:587", false), relay.route(addr("x@example.net")));
    }

    @Test
    void refreshTakesEditsAtOnce() throws Exception {
        RoutingFixture f = new RoutingFixture(root, Set.of("localhost"), "alice@localhost");
        Path aliases = f.write("aliases", "ops: alice\n");
        Path virtual = f.write("virtual", "");
        Path routes = f.write("routes", "");
        AliasRouter alias = f.start(new AliasRouter());
        VirtualAliasRouter virt = f.start(new VirtualAliasRouter());
        RejectRuleRouter reject = f.start(new RejectRuleRouter());
        assertEquals(new RouteDecision.Rewrite(List.of(addr("alice@localhost"))), alias.route(addr("ops@localhost")));
        assertEquals(RouteDecision.pass(), virt.route(addr("x@example.org")));
        assertEquals(RouteDecision.pass(), reject.route(addr("spam@example.net")));

        edit(aliases, "ops: carol@example.net\n");
        edit(virtual, "@example.org alice@localhost\n");
        edit(routes, "example.net reject\n");
        // What tegami reload does: no second of waiting.
        alias.refresh();
        virt.refresh();
        reject.refresh();

        assertEquals(new RouteDecision.Rewrite(List.of(addr("carol@example.net"))), alias.route(addr("ops@localhost")));
        assertEquals(new RouteDecision.Rewrite(List.of(addr("alice@localhost"))), virt.route(addr("x@example.org")));
        assertEquals(RouteDecision.Reject.class, reject.route(addr("spam@example.net")).getClass());
    }

    private static void edit(Path file, String content) throws Exception {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 5000));
    }
}
