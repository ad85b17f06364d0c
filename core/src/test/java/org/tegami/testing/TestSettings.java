package org.tegami.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tegami.api.Settings;
import org.tegami.core.config.ConfigParser;
import org.tegami.core.config.ConfigSource;

/**
 * A plugin's {@link Settings} for tests, parsed by core's real configuration code: sizes,
 * durations, lists and paths read exactly as from {@code conf/tegami.conf}, and bad values
 * throw the same {@link org.tegami.api.ConfigException}.
 */
public final class TestSettings {

    private static final String PREFIX = "test";

    private TestSettings() {
    }

    /**
     * @param root the installation root that relative paths resolve against
     * @param values keys as the plugin reads them (without its prefix) and their values
     */
    public static Settings of(Path root, Map<String, String> values) {
        List<String> lines = new ArrayList<>();
        values.forEach((k, v) -> lines.add(PREFIX + "." + k + " = " + v));
        return ConfigSource.of(ConfigParser.parse(root.resolve("conf/tegami.conf"), lines), root, false)
                .settings(PREFIX);
    }

    /** {@link #of(Path, Map)} with alternating keys and values. */
    public static Settings of(Path root, String... keyValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return of(root, values);
    }

    /** Relative paths resolve against the working directory. */
    public static Settings of(Map<String, String> values) {
        return of(Path.of("").toAbsolutePath(), values);
    }
}
