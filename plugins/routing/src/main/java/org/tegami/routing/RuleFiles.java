package org.tegami.routing;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.tegami.routing.file.ReloadingFile;
import org.tegami.routing.file.TableLoader;
import org.tegami.routing.rule.RuleSet;
import org.tegami.routing.rule.RulesParser;

/**
 * The rules file is used by two routers (reject rules early in the chain, relay rules at its
 * end): they share one loaded copy, so it is parsed, watched and warned about once.
 */
final class RuleFiles {

    private static final ConcurrentMap<Path, ReloadingFile<RuleSet>> OPEN = new ConcurrentHashMap<>();

    private RuleFiles() {
    }

    static ReloadingFile<RuleSet> open(Path file) {
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(),
                p -> new ReloadingFile<>(p, f -> TableLoader.load(f, RulesParser::parse, RuleSet.empty())));
    }
}
