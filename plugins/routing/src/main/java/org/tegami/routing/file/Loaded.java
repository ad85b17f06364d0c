package org.tegami.routing.file;

import java.nio.file.Path;
import java.util.List;
import org.tegami.api.ConfigException;

/**
 * A table loaded from disk: its value, every file it was read from (a change to any of them
 * triggers a reload; missing files count too, so creating one is noticed), and the problems
 * found on the way.
 *
 * @param value the loaded table
 * @param sources the files read or looked for
 * @param problems skipped lines and unreadable files, for the log
 * @param <T> the table type
 */
public record Loaded<T>(T value, List<Path> sources, List<ConfigException> problems) {

    public Loaded {
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }
}
