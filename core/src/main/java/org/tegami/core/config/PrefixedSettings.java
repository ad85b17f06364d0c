package org.tegami.core.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

/** {@link Settings} over the keys of a {@link ConfigSource} that start with one prefix. */
final class PrefixedSettings implements Settings {

    private final ConfigSource source;
    private final String prefix;

    PrefixedSettings(ConfigSource source, String prefix) {
        this.source = source;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> get(String key) {
        return source.entry(prefix + key).map(ConfigEntry::value);
    }

    @Override
    public String string(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    @Override
    public int integer(String key, int defaultValue) throws ConfigException {
        return typed(key, defaultValue, ValueParser::integer);
    }

    @Override
    public boolean bool(String key, boolean defaultValue) throws ConfigException {
        return typed(key, defaultValue, ValueParser::bool);
    }

    @Override
    public long bytes(String key, long defaultValue) throws ConfigException {
        return typed(key, defaultValue, ValueParser::bytes);
    }

    @Override
    public Duration duration(String key, Duration defaultValue) throws ConfigException {
        return typed(key, defaultValue, ValueParser::duration);
    }

    @Override
    public List<String> list(String key, List<String> defaultValue) throws ConfigException {
        return typed(key, defaultValue, ValueParser::list);
    }

    @Override
    public Path path(String key, Path defaultValue) throws ConfigException {
        Path relative = typed(key, defaultValue, v -> {
            if (v.isBlank()) {
                throw new IllegalArgumentException("empty path");
            }
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a path: \"" + v + "\"");
            }
        });
        return relative == null ? null : source.root().resolve(relative).normalize();
    }

    private <T> T typed(String key, T defaultValue, Function<String, T> parser) throws ConfigException {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw.get());
        } catch (IllegalArgumentException e) {
            source.problem(prefix + key, e.getMessage());
            return defaultValue;
        }
    }
}
