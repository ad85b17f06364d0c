package org.tegami.core.config;

/**
 * One {@code key = value} line of a configuration file.
 *
 * @param key the key, as written (keys are lower-case by convention and compared exactly)
 * @param value the value, trimmed; may be empty
 * @param line the 1-based line number, for messages
 */
public record ConfigEntry(String key, String value, int line) {
}
