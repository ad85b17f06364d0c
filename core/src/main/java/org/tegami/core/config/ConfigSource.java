package org.tegami.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tegami.api.ConfigException;
import org.tegami.api.ListenerSpec;
import org.tegami.api.Settings;

/**
 * A loaded {@code tegami.conf}: hands out {@link Settings} scoped to a key prefix, remembers
 * which keys were read, and finally names the keys nobody read.
 *
 * <p>Host start-up: {@link #load}, {@link ServerConfig#from}, each extension's
 * {@code configure(source.settings(pluginId))}, {@link #listenAddress} per listener, then
 * {@link #requireAllKeysRead()}. In strict mode (the default) a bad value throws
 * {@link ConfigException} at once; a collecting source (for {@code check-config}) records the
 * problem, hands out the default and goes on. Not thread-safe, like {@link Settings}.
 */
public final class ConfigSource {

    /** The file name inside the configuration directory. */
    public static final String FILE_NAME = "tegami.conf";

    private final ParsedConfig parsed;
    private final Path root;
    private final boolean collecting;
    private final Set<String> read = new HashSet<>();
    private final List<ConfigException> problems = new ArrayList<>();

    private ConfigSource(ParsedConfig parsed, Path root, boolean collecting) {
        this.parsed = parsed;
        this.root = root;
        this.collecting = collecting;
        problems.addAll(parsed.problems());
    }

    /** Loads {@code <confDir>/tegami.conf}, throwing at the first problem; a missing file means all defaults. */
    public static ConfigSource load(Path confDir) throws ConfigException {
        ParsedConfig parsed = ConfigParser.read(confDir.resolve(FILE_NAME));
        if (!parsed.problems().isEmpty()) {
            throw parsed.problems().get(0);
        }
        return new ConfigSource(parsed, installationRoot(confDir), false);
    }

    /** Loads the file but collects problems instead of throwing; see {@link #problems()}. */
    public static ConfigSource loadCollecting(Path confDir) {
        Path file = confDir.resolve(FILE_NAME);
        ParsedConfig parsed;
        try {
            parsed = ConfigParser.read(file);
        } catch (ConfigException e) {
            parsed = new ParsedConfig(file, java.util.Map.of(), List.of(e));
        }
        return new ConfigSource(parsed, installationRoot(confDir), true);
    }

    /** A source over already-parsed entries; {@code root} is where relative paths resolve. */
    public static ConfigSource of(ParsedConfig parsed, Path root, boolean collecting) {
        return new ConfigSource(parsed, root, collecting);
    }

    /** The parent of the configuration directory, where conf/, spool/ and plugins/ sit. */
    public static Path installationRoot(Path confDir) {
        Path parent = confDir.toAbsolutePath().normalize().getParent();
        return parent == null ? confDir.toAbsolutePath().normalize() : parent;
    }

    /** Settings for the keys {@code <prefix>.*}; an empty prefix gives the whole file. */
    public Settings settings(String prefix) {
        return new PrefixedSettings(this, prefix.isEmpty() ? "" : prefix + ".");
    }

    /**
     * The address for a listener: the key {@code <name>.listen}, its default when absent, or
     * empty when the value is empty (the listener is off).
     */
    public Optional<HostPort> listenAddress(ListenerSpec spec) throws ConfigException {
        String key = spec.name() + ".listen";
        Optional<ConfigEntry> entry = entry(key);
        String value = entry.map(ConfigEntry::value).orElse(spec.defaultAddress());
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostPort.parse(value, -1));
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return Optional.empty();
        }
    }

    /** The entries no {@link Settings} has read so far, in file order. */
    public List<ConfigEntry> unreadEntries() {
        List<ConfigEntry> out = new ArrayList<>();
        for (ConfigEntry e : parsed.entries().values()) {
            if (!read.contains(e.key())) {
                out.add(e);
            }
        }
        return out;
    }

    /** Throws "unknown key" at the first unread key's line; call after every extension was configured. */
    public void requireAllKeysRead() throws ConfigException {
        List<ConfigEntry> unread = unreadEntries();
        if (!unread.isEmpty()) {
            throw unknownKey(unread.get(0));
        }
    }

    /** The error for an unknown key, naming its line. */
    public ConfigException unknownKey(ConfigEntry entry) {
        return new ConfigException(parsed.file(), entry.line(), entry.key() + ": unknown key");
    }

    /** Problems recorded so far (collecting mode; parse errors in both modes). */
    public List<ConfigException> problems() {
        return List.copyOf(problems);
    }

    public Path file() {
        return parsed.file();
    }

    /** Every key and its value as written, in file order, without marking anything read (for comparing two loads). */
    public java.util.Map<String, String> values() {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        parsed.entries().values().forEach(e -> values.put(e.key(), e.value()));
        return values;
    }

    public Path root() {
        return root;
    }

    /** Looks a key up and marks it read. */
    Optional<ConfigEntry> entry(String fullKey) {
        read.add(fullKey);
        return Optional.ofNullable(parsed.entries().get(fullKey));
    }

    /**
     * Reports a bad value of {@code fullKey}: throws in strict mode, records it when collecting.
     * The message names the key's line, or the file alone when the key is absent (a bad default
     * combination).
     */
    void problem(String fullKey, String reason) throws ConfigException {
        ConfigEntry e = parsed.entries().get(fullKey);
        ConfigException ex = new ConfigException(parsed.file(), e == null ? 0 : e.line(), fullKey + ": " + reason);
        if (!collecting) {
            throw ex;
        }
        problems.add(ex);
    }
}
