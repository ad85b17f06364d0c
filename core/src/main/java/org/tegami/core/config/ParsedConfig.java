package org.tegami.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of parsing one configuration file: its entries in file order and every line
 * that could not be understood.
 *
 * @param file the file, as named in messages
 * @param entries key to entry, in file order
 * @param problems one per bad line, each naming file and line
 */
public record ParsedConfig(Path file, Map<String, ConfigEntry> entries, List<org.tegami.api.ConfigException> problems) {

    public ParsedConfig {
        entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        problems = List.copyOf(problems);
    }
}
