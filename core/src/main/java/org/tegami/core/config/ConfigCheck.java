package org.tegami.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tegami.api.ConfigException;
import org.tegami.api.ListenerSpec;
import org.tegami.api.Settings;
import org.tegami.core.auth.PasswdFileParser;

/**
 * Checks a configuration directory without starting anything and collects every problem, each
 * naming file and line: {@code tegami.conf} (syntax, core values), the users file, the settings
 * of any extension added with {@link #extension}, listener addresses added with
 * {@link #listener}, and finally keys nobody read.
 *
 * <p>Unknown keys: in {@linkplain #problems(boolean) strict} mode every unread key is one (use it
 * once all plugins' extensions were added). Otherwise only unread keys in a namespace someone
 * claimed (the core's and the added extensions' prefixes, and keys without a dot) are reported,
 * so that keys of plugins that were not loaded are not mistaken for typos. A listener claims only
 * its {@code <name>.listen} key: listener names such as {@code smtp} are also plugin ids.
 */
public final class ConfigCheck {

    /** Reads an extension's settings, like {@code TegamiExtension::configure}. */
    @FunctionalInterface
    public interface SettingsReader {
        void configure(Settings settings) throws ConfigException;
    }

    private static final Set<String> CORE_PREFIXES = Set.of(
            "hostname", "domains", "spool", "mail", "plugins", "users", "net", "dns", "queue", "delivery", "auth",
            "metrics", "shutdown", "pid");

    private final ConfigSource source;
    private final ServerConfig server;
    private final List<ConfigException> problems = new ArrayList<>();
    private final Set<String> claimed = new HashSet<>(CORE_PREFIXES);

    /** Loads and checks {@code <confDir>/tegami.conf} and the users file it names. */
    public ConfigCheck(Path confDir) {
        this.source = ConfigSource.loadCollecting(confDir);
        ServerConfig config;
        try {
            config = ServerConfig.from(source);
        } catch (ConfigException e) {
            problems.add(e);
            config = null;
        }
        this.server = config;
        if (config != null) {
            checkUsers(config.usersFile());
        }
    }

    /** The core settings as read (with defaults where values were bad), or null if unreadable. */
    public ServerConfig server() {
        return server;
    }

    /** The source, for settings an extension reads itself. */
    public ConfigSource source() {
        return source;
    }

    /** Lets an extension read and check its settings under {@code prefix}. */
    public void extension(String prefix, SettingsReader reader) {
        claimed.add(prefix);
        try {
            reader.configure(source.settings(prefix));
        } catch (ConfigException e) {
            problems.add(e);
        } catch (RuntimeException e) {
            problems.add(new ConfigException(source.file(), 0, prefix + ": " + e.getMessage()));
        }
    }

    /** Checks a listener's {@code <name>.listen} key. */
    public void listener(ListenerSpec spec) {
        try {
            source.listenAddress(spec);
        } catch (ConfigException e) {
            problems.add(e);
        }
    }

    /** Every problem found, by file and line. */
    public List<ConfigException> problems(boolean strictKeys) {
        List<ConfigException> all = new ArrayList<>(source.problems());
        all.addAll(problems);
        for (ConfigEntry entry : source.unreadEntries()) {
            int dot = entry.key().indexOf('.');
            if (strictKeys || dot < 0 || claimed.contains(entry.key().substring(0, dot))) {
                all.add(source.unknownKey(entry));
            }
        }
        all.sort(Comparator.comparing((ConfigException e) -> String.valueOf(e.file())).thenComparingInt(ConfigException::line));
        return all;
    }

    private void checkUsers(Path usersFile) {
        try {
            List<String> lines = Files.readAllLines(usersFile, StandardCharsets.UTF_8);
            problems.addAll(PasswdFileParser.parse(usersFile, lines).problems());
        } catch (NoSuchFileException e) {
            problems.add(new ConfigException(usersFile, 0, "no such file (users.file); nobody can log in"));
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new ConfigException(usersFile, 0, "cannot read: " + e.getMessage()));
        }
    }
}
