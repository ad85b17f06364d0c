package org.tegami.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tegami.api.Settings;

/** Settings from a map, for tests; values are trusted to parse. */
record MapSettings(Map<String, String> values) implements Settings {

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public String string(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public int integer(String key, int defaultValue) {
        return get(key).map(Integer::parseInt).orElse(defaultValue);
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    @Override
    public long bytes(String key, long defaultValue) {
        return get(key).map(Long::parseLong).orElse(defaultValue);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) {
        return get(key).map(v -> Duration.ofMillis(Long.parseLong(v.replace("ms", "")))).orElse(defaultValue);
    }

    @Override
    public List<String> list(String key, List<String> defaultValue) {
        return get(key).map(v -> List.of(v.split(","))).orElse(defaultValue);
    }

    @Override
    public Path path(String key, Path defaultValue) {
        return get(key).map(Path::of).orElse(defaultValue);
    }
}
