package org.tegami.routing.alias;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.api.MailAddress;
import org.tegami.routing.file.Parsed;

class IncludeFileParserTest {

    @Test
    void readsOneOrMoreTargetsPerLineAndSkipsBadLines() {
        Parsed<List<AliasTarget>> p = IncludeFileParser.parse(Path.of("/lists/team"),
                "# the team\nalice\n  bob@example.net, carol\nbad@\n:include:more\n");
        assertEquals(List.of(new AliasTarget.LocalName("alice"),
                new AliasTarget.Address(new MailAddress("bob", "example.net")),
                new AliasTarget.LocalName("carol"),
                new AliasTarget.Include(Path.of("/lists/more"))), p.value());
        assertEquals(1, p.problems().size());
        assertEquals(4, p.problems().get(0).line());
    }
}
