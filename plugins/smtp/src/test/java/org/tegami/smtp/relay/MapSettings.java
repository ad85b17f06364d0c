package org.tegami.smtp.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

/** {@link Settings} over a map, with simple parsing, for configuration tests. */
final class MapSettings implements Settings {

    private final Map<String, String> values = new HashMap<>();
    private final Path root;

    MapSettings(Path root, String... keyValues) {
        this.root = root;
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public String string(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public int integer(String key, int defaultValue) throws ConfigException {
        String v = values.get(key);
        try {
            return v == null ? defaultValue : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": not a number");
        }
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Boolean.parseBoolean(v);
    }

    @Override
    public long bytes(String key, long defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Long.parseLong(v);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) throws ConfigException {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        throw new ConfigException(key + ": not a duration");
    }

    @Override
    public List<String> list(String key, List<String> defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public Path path(String key, Path defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : root.resolve(v);
    }
}
