package org.tegami.routing.alias;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tegami.api.ConfigException;
import org.tegami.routing.file.Loaded;
import org.tegami.routing.file.Parsed;
import org.tegami.routing.file.TableFiles;

/**
 * Reads an aliases file and every include file it reaches (also includes inside includes), so
 * that routing never touches the disk. A missing aliases file is an empty table; an include
 * file that cannot be read is left out, and the aliases using it are deferred at routing time.
 */
public final class AliasTableLoader {

    /** More include files than this are not read: a guard against runaway includes. */
    static final int MAX_INCLUDES = 1000;

    private AliasTableLoader() {
    }

    public static Loaded<AliasTable> load(Path file) {
        List<ConfigException> problems = new ArrayList<>();
        Optional<String> content = readOrReport(file, problems);
        if (content.isEmpty()) {
            return new Loaded<>(AliasTable.empty(), List.of(file), problems);
        }
        Parsed<List<AliasEntry>> parsed = AliasesParser.parse(file, content.get());
        problems.addAll(parsed.problems());

        Set<Path> sources = new LinkedHashSet<>(List.of(file));
        Map<Path, List<AliasTarget>> includes = new HashMap<>();
        Deque<Path> pending = new ArrayDeque<>();
        parsed.value().forEach(e -> queueIncludes(e.targets(), pending));
        while (!pending.isEmpty() && sources.size() <= MAX_INCLUDES) {
            Path include = pending.removeFirst();
            if (!sources.add(include)) {
                continue;
            }
            Optional<String> text = readOrReport(include, problems);
            if (text.isPresent()) {
                Parsed<List<AliasTarget>> targets = IncludeFileParser.parse(include, text.get());
                problems.addAll(targets.problems());
                includes.put(include, targets.value());
                queueIncludes(targets.value(), pending);
            }
        }
        return new Loaded<>(new AliasTable(parsed.value(), includes), List.copyOf(sources), problems);
    }

    private static void queueIncludes(List<AliasTarget> targets, Deque<Path> pending) {
        for (AliasTarget t : targets) {
            if (t instanceof AliasTarget.Include i) {
                pending.addLast(i.file());
            }
        }
    }

    private static Optional<String> readOrReport(Path file, List<ConfigException> problems) {
        try {
            Optional<String> text = TableFiles.read(file);
            if (text.isEmpty()) {
                problems.add(new ConfigException(file, 0, "file not found"));
            }
            return text;
        } catch (IOException e) {
            problems.add(new ConfigException(file, 0, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
