package org.tegami.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.routing.alias.AliasEntry;
import org.tegami.routing.alias.AliasesParser;
import org.tegami.routing.file.Parsed;
import org.tegami.routing.rule.RuleSet;
import org.tegami.routing.rule.RulesParser;
import org.tegami.routing.virtual.VirtualEntry;
import org.tegami.routing.virtual.VirtualParser;

/** The sample files in conf/ parse without a single skipped line. */
class SampleConfigTest {

    private static final Path CONF = Path.of("../../conf");

    @Test
    void aliases() throws Exception {
        Path file = CONF.resolve("aliases");
        Parsed<List<AliasEntry>> p = AliasesParser.parse(file, Files.readString(file));
        assertTrue(p.problems().isEmpty(), p.problems().toString());
        assertTrue(p.value().stream().anyMatch(e -> e.name().equals("postmaster")));
    }

    @Test
    void virtual() throws Exception {
        Path file = CONF.resolve("virtual");
        Parsed<List<VirtualEntry>> p = VirtualParser.parse(file, Files.readString(file));
        assertTrue(p.problems().isEmpty(), p.problems().toString());
    }

    @Test
    void routes() throws Exception {
        Path file = CONF.resolve("routes");
        Parsed<RuleSet> p = RulesParser.parse(file, Files.readString(file));
        assertTrue(p.problems().isEmpty(), p.problems().toString());
    }

    @Test
    void theExamplesInTheCommentsAreValidToo() throws Exception {
        for (String name : List.of("virtual", "routes")) {
            Path file = CONF.resolve(name);
            String examples = Files.readAllLines(file).stream()
                    .dropWhile(l -> !l.startsWith("# Examples:")).skip(1)
                    .map(l -> l.replaceFirst("^#\\s+", "")).reduce("", (a, b) -> a + b + "\n");
            int problems = name.equals("virtual") ? VirtualParser.parse(file, examples).problems().size()
                    : RulesParser.parse(file, examples).problems().size();
            assertEquals(0, problems, name + " examples");
            assertTrue(examples.lines().count() >= 3, name + " has examples");
        }
    }
}
