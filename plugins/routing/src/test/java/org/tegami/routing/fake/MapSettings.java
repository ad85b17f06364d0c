package org.tegami.routing.fake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

/** Settings from a map; relative paths resolve against a root folder, as the host's do. */
public final class MapSettings implements Settings {

    private final Map<String, String> values;
    private final Path root;

    public MapSettings(Path root, Map<String, String> values) {
        this.root = root;
        this.values = new HashMap<>(values);
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
        try {
            return values.containsKey(key) ? Integer.parseInt(values.get(key)) : defaultValue;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": not a number");
        }
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        return values.containsKey(key) ? Boolean.parseBoolean(values.get(key)) : defaultValue;
    }

    @Override
    public long bytes(String key, long defaultValue) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : defaultValue;
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        return values.containsKey(key) ? Duration.parse(values.get(key)) : defaultValue;
    }

    @Override
    public List<String> list(String key, List<String> defaultValue) {
        return values.containsKey(key)
                ? Arrays.stream(values.get(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : defaultValue;
    }

    @Override
    public Path path(String key, Path defaultValue) {
        return root.resolve(values.containsKey(key) ? Path.of(values.get(key)) : defaultValue);
    }
}
