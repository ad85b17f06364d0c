package org.tegami.routing.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.tegami.api.ConfigException;

/** Loads a table that lives in one file: read, parse, and report what was skipped. */
public final class TableLoader {

    private TableLoader() {
    }

    /**
     * @param file the file; when missing or unreadable the table is {@code empty}
     * @param parser turns the file's path and text into the table
     * @param empty the table to use without a file
     */
    public static <T> Loaded<T> load(Path file, BiFunction<Path, String, Parsed<T>> parser, T empty) {
        List<ConfigException> problems = new ArrayList<>();
        T value = empty;
        try {
            Optional<String> text = TableFiles.read(file);
            if (text.isPresent()) {
                Parsed<T> parsed = parser.apply(file, text.get());
                value = parsed.value();
                problems.addAll(parsed.problems());
            } else {
                problems.add(new ConfigException(file, 0, "file not found"));
            }
        } catch (IOException e) {
            problems.add(new ConfigException(file, 0, "cannot read: " + e.getMessage()));
        }
        return new Loaded<>(value, List.of(file), problems);
    }
}
