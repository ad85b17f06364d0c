package org.tegami.routing.file;

import java.util.List;
import org.tegami.api.ConfigException;

/**
 * What a parser made of a file: the good entries, and one problem per bad line that was
 * skipped (each names the file and line).
 *
 * @param value the parsed content
 * @param problems the skipped lines, in file order
 * @param <T> the parsed type
 */
public record Parsed<T>(T value, List<ConfigException> problems) {

    public Parsed {
        problems = List.copyOf(problems);
    }
}
