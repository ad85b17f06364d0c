package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tegami.routing.RoutingFixture.addr;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;

class AliasRouterTest {

    @TempDir
    Path root;

    private RoutingFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RoutingFixture(root, Set.of("example.org", "localhost"), "alice@example.org", "alice@localhost",
                "bob@example.org", "ops+lists@example.org");
    }

    private AliasRouter router(String aliases) throws Exception {
        fixture.write("aliases", aliases);
        return fixture.start(new AliasRouter());
    }

    private static RouteDecision rewrite(String... addresses) {
        return new RouteDecision.Rewrite(List.of(addresses).stream().map(RoutingFixture::addr).toList());
    }

    @Test
    void rewritesToAddressesElsewhere() throws Exception {
        assertEquals(rewrite("ops@example.net", "carol@example.com"),
                router("ops: ops@example.net, carol@example.com\n").route(addr("OPS@example.org")));
    }

    @Test
    void aBareNameMeansThatNameInTheSameLocalDomain() throws Exception {
        AliasRouter r = router("postmaster: carol\n");
        assertEquals(rewrite("carol@example.org"), r.route(addr("postmaster@example.org")));
        assertEquals(rewrite("carol@localhost"), r.route(addr("postmaster@localhost")));
    }

    @Test
    void domainEntriesApplyToTheirDomainAndWinOverBareNames() throws Exception {
        AliasRouter r = router("sales: dave\nsales@localhost: erin\nonly@example.org: frank\n");
        assertEquals(rewrite("erin@localhost"), r.route(addr("sales@localhost")));
        assertEquals(rewrite("dave@example.org"), r.route(addr("sales@example.org")));
        assertEquals(RouteDecision.pass(), r.route(addr("only@localhost")));
    }

    @Test
    void passesNonAliasesAndOtherDomains() throws Exception {
        AliasRouter r = router("ops: carol\n");
        assertEquals(RouteDecision.pass(), r.route(addr("alice@example.org")));
        assertEquals(RouteDecision.pass(), r.route(addr("ops@example.net")));
    }

    @Test
    void expandsNestedAliasesHere() throws Exception {
        AliasRouter r = router("abuse: postmaster\npostmaster: root, noc@example.net\nroot: carol, dave\n");
        assertEquals(rewrite("carol@example.org", "dave@example.org", "noc@example.net"), r.route(addr("abuse@example.org")));
    }

    @Test
    void anAliasNamingItselfDeliversToTheRealUser() throws Exception {
        assertEquals(new RouteDecision.Several(List.of(new RouteDecision.Deliver("alice@example.org"),
                rewrite("bob@example.org"))), router("alice: alice, bob\n").route(addr("alice@example.org")));
    }

    @Test
    void selfReferenceReachedThroughAnotherAlias() throws Exception {
        assertEquals(new RouteDecision.Several(List.of(new RouteDecision.Deliver("alice@example.org"),
                rewrite("carol@example.net"))),
                router("team: alice\nalice: alice, carol@example.net\n").route(addr("team@example.org")));
    }

    @Test
    void selfReferenceWithoutAnAccountIsRefused() throws Exception {
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.1.1", "no such user")),
                router("nobody: nobody, bob\n").route(addr("nobody@example.org")));
    }

    @Test
    void loopsAreRefusedWith546() throws Exception {
        AliasRouter r = router("a: b\nb: c, alice\nc: a\n");
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.4.6", "alias loop")), r.route(addr("a@example.org")));
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.4.6", "alias loop")), r.route(addr("c@example.org")));
    }

    @Test
    void tooDeepNestingIsRefusedLikeALoop() throws Exception {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            chain.append("n").append(i).append(": n").append(i + 1).append('\n');
        }
        assertEquals(550, ((RouteDecision.Reject) router(chain.toString()).route(addr("n0@example.org"))).reply().code());
    }

    @Test
    void mixedTargetsGiveSeveral() throws Exception {
        RouteDecision d = router("archive: alice@example.net, |/usr/bin/store, /var/log/mail.copy\n")
                .route(addr("archive@localhost"));
        assertEquals(new RouteDecision.Several(List.of(rewrite("alice@example.net"),
                new RouteDecision.Pipe("/usr/bin/store"),
                new RouteDecision.AppendToFile(Path.of("/var/log/mail.copy")))), d);
    }

    @Test
    void singleCommandAndDevNull() throws Exception {
        AliasRouter r = router("bot: \"|/usr/bin/bot --quiet\"\nnobody: /dev/null\nhalf: /dev/null, carol\n");
        assertEquals(new RouteDecision.Pipe("/usr/bin/bot --quiet"), r.route(addr("bot@example.org")));
        assertEquals(RouteDecision.Discard.class, r.route(addr("nobody@example.org")).getClass());
        assertEquals(rewrite("carol@example.org"), r.route(addr("half@example.org")));
    }

    @Test
    void includeFilesAreReadRelativeToTheAliasesFile() throws Exception {
        fixture.write("lists/team", "# team\ncarol\ndave@example.net, :include:more\n");
        fixture.write("lists/more", "erin\n");
        assertEquals(rewrite("carol@example.org", "dave@example.net", "erin@example.org"),
                router("team: :include:lists/team\n").route(addr("team@example.org")));
    }

    @Test
    void aMissingIncludeFileDefersAndAnIncludeLoopIsRefused() throws Exception {
        fixture.write("loop", ":include:loop\n");
        AliasRouter r = router("gone: :include:missing\nloop: :include:loop\n");
        assertEquals(new RouteDecision.Reject(Reply.of(451, "4.3.0", "alias temporarily unavailable")),
                r.route(addr("gone@example.org")));
        assertEquals(new RouteDecision.Reject(Reply.of(550, "5.4.6", "alias loop")), r.route(addr("loop@example.org")));
    }

    @Test
    void theDelimiterFindsTheAliasWhenTheFullNameIsNone() throws Exception {
        AliasRouter r = router("ops: carol@example.net\nops+urgent: pager@example.net\nalice: alice, bob\n");
        assertEquals(rewrite("carol@example.net"), r.route(addr("ops+foo@example.org")));
        assertEquals(rewrite("pager@example.net"), r.route(addr("ops+urgent@example.org")));
        assertEquals(new RouteDecision.Several(List.of(new RouteDecision.Deliver("alice@example.org"),
                rewrite("bob@example.org"))), r.route(addr("alice+x@example.org")));
    }

    @Test
    void anAccountWithTheFullNameIsNotTakenForTheAlias() throws Exception {
        AliasRouter r = router("ops: carol@example.net\n");
        assertEquals(RouteDecision.pass(), r.route(addr("ops+lists@example.org")));
        assertEquals(rewrite("carol@example.net"), r.route(addr("ops+other@example.org")));
    }

    @Test
    void aMissingAliasesFileMeansNoAliases() throws Exception {
        assertEquals(RouteDecision.pass(), fixture.start(new AliasRouter()).route(addr("postmaster@example.org")));
    }
}
