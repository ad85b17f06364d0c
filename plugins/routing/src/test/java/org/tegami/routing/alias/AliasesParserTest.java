package org.tegami.routing.alias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.routing.file.Parsed;

class AliasesParserTest {

    private static final Path FILE = Path.of("/etc/tegami/conf/aliases");

    private static Parsed<List<AliasEntry>> parse(String text) {
        return AliasesParser.parse(FILE, text);
    }

    @Test
    void readsEveryKindOfTarget() {
        Parsed<List<AliasEntry>> p = parse("all: bob, carol@example.net, |/usr/bin/archive, \"|/usr/bin/vacation -a alice\","
                + " /var/mail/log, \"/var/mail/with space\", :include:lists/team\n");
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertEquals(List.of(
                new AliasTarget.LocalName("bob"),
                new AliasTarget.Address(new MailAddress("carol", "example.net")),
                new AliasTarget.Command("/usr/bin/archive"),
                new AliasTarget.Command("/usr/bin/vacation -a alice"),
                new AliasTarget.File(Path.of("/var/mail/log")),
                new AliasTarget.File(Path.of("/var/mail/with space")),
                new AliasTarget.Include(Path.of("/etc/tegami/conf/lists/team"))), p.value().get(0).targets());
    }

    @Test
    void readsContinuationLines() {
        Parsed<List<AliasEntry>> p = parse("staff: alice,\n  bob,\n\tcarol\nother: dave\n");
        assertEquals(List.of(new AliasTarget.LocalName("alice"), new AliasTarget.LocalName("bob"),
                new AliasTarget.LocalName("carol")), p.value().get(0).targets());
        assertEquals(4, p.value().get(1).line());
    }

    @Test
    void namesAreCaseInsensitiveMayBeQuotedAndMayHaveADomain() {
        Parsed<List<AliasEntry>> p = parse("PostMaster: root\n\"john doe\": john\nsales@Example.ORG: bob\n");
        assertEquals("postmaster", p.value().get(0).name());
        assertNull(p.value().get(0).domain());
        assertEquals("john doe", p.value().get(1).name());
        assertEquals("sales@example.org", p.value().get(2).key());
    }

    @Test
    void skipsBadLinesNamingFileAndLineAndKeepsTheRest() {
        Parsed<List<AliasEntry>> p = parse(String.join("\n",
                "good: alice",
                "no colon here",
                "empty:",
                "bad: carol@",
                "quote: \"|unbalanced",
                "spaces: bob carol",
                "good: bob",
                "pipe: |",
                "also: dave",
                ""));
        assertEquals(List.of("good", "also"), p.value().stream().map(AliasEntry::name).toList());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), p.problems().stream().map(ConfigException::line).toList());
        ConfigException first = p.problems().get(0);
        assertEquals(FILE, first.file());
        assertTrue(first.getMessage().startsWith("/etc/tegami/conf/aliases:2: "), first.getMessage());
        assertTrue(p.problems().get(5).getMessage().contains("duplicate alias \"good\" (first on line 1)"));
    }
}
