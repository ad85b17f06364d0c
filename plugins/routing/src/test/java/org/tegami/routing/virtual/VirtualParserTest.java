package org.tegami.routing.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.routing.file.Parsed;

class VirtualParserTest {

    private static final Path FILE = Path.of("conf/virtual");

    @Test
    void readsAddressesCatchAllsAndTargetLists() {
        Parsed<List<VirtualEntry>> p = VirtualParser.parse(FILE,
                "Info@Example.ORG  alice@localhost, bob@localhost\n@example.org carol@localhost\n"
                + "team@example.org alice@localhost\n   bob@localhost,\n   carol@example.net\n");
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        VirtualEntry info = p.value().get(0);
        assertEquals("info@example.org", info.key());
        assertEquals(List.of(new MailAddress("alice", "localhost"), new MailAddress("bob", "localhost")), info.targets());
        assertTrue(p.value().get(1).isCatchAll());
        assertEquals("example.org", p.value().get(1).domain());
        assertEquals(3, p.value().get(2).targets().size());
    }

    @Test
    void skipsBadLinesWithFileAndLine() {
        Parsed<List<VirtualEntry>> p = VirtualParser.parse(FILE, String.join("\n",
                "lonely@example.org",
                "a@example.org bob",
                "b@example.org bob@",
                "@ x@example.net",
                "c@example.org ok@example.net",
                "C@example.org dup@example.net",
                ""));
        assertEquals(List.of("c@example.org"), p.value().stream().map(VirtualEntry::key).toList());
        assertEquals(List.of(1, 2, 3, 4, 6), p.problems().stream().map(ConfigException::line).toList());
        assertTrue(p.problems().get(1).getMessage().startsWith("conf/virtual:2: target \"bob\" must be a full address"));
    }
}
