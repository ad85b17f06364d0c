package org.tegami.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One plugin's settings from {@code conf/tegami.conf}: the keys that start with the plugin id
 * and a dot, looked up here without that prefix ({@code smtp.max-size} is {@code max-size}
 * for the smtp plugin). Defaults live in the caller's code.
 *
 * <p>Reading a key marks it known; after every extension has been configured the host
 * rejects keys nobody read, so a typo stops the start with its file and line. A value that
 * does not parse throws {@link ConfigException} naming the file and line. Read settings in
 * {@link TegamiExtension#configure}; implementations are not thread-safe.
 */
public interface Settings {

    /** The raw value, if the key is present. */
    Optional<String> get(String key);

    String string(String key, String defaultValue) throws ConfigException;

    int integer(String key, int defaultValue) throws ConfigException;

    boolean bool(String key, boolean defaultValue) throws ConfigException;

    /** A byte count: {@code 52428800}, {@code 50M}, {@code 1G}, {@code 512k}. */
    long bytes(String key, long defaultValue) throws ConfigException;

    /** A duration: {@code 30s}, {@code 5m}, {@code 2h}, {@code 5d}, {@code 250ms}. */
    Duration duration(String key, Duration defaultValue) throws ConfigException;

    /** A comma-separated list, trimmed, empty entries dropped. */
    List<String> list(String key, List<String> defaultValue) throws ConfigException;

    /**
     * A path. Relative paths resolve against the installation root, the parent of the
     * configuration directory (where {@code conf/}, {@code spool/} and {@code plugins/} sit
     * side by side, in the repository as in the distribution archive).
     */
    Path path(String key, Path defaultValue) throws ConfigException;
}
