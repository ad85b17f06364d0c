package org.tegami.core.auth;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tegami.api.ConfigException;

/**
 * The parsed content of a passwd-file.
 *
 * @param file the file, as named in messages
 * @param users the well-formed users by lower-case name, sorted
 * @param problems one per skipped line, naming file and line
 */
public record PasswdFile(Path file, Map<String, PasswdEntry> users, List<ConfigException> problems) {

    public PasswdFile {
        users = Collections.unmodifiableMap(new TreeMap<>(users));
        problems = List.copyOf(problems);
    }

    /** An empty file (no users). */
    public static PasswdFile empty(Path file) {
        return new PasswdFile(file, Map.of(), List.of());
    }
}
