package org.tegami.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tegami.api.ConfigException;
import org.tegami.api.ListenerSpec;
import org.tegami.api.Settings;

/**
 * The core's own settings from {@code conf/tegami.conf}, typed, with the defaults of the sample
 * configuration. Plugin keys ({@code smtp.max-size}, {@code routing.aliases} ...) are left
 * unread for the plugins' own {@link Settings}.
 *
 * @param hostname this server's name
 * @param domains the local domains, lower-case, in config order
 * @param spoolDir the queue's folder
 * @param mailDir the Maildirs' folder (default {@code <spool.dir>/mail})
 * @param pluginsDir where plugin jars are loaded from
 * @param usersFile the Dovecot passwd-file
 * @param listeners the seven standard listeners by name; an empty value means switched off
 * @param net connection limits and timeouts
 * @param dnsResolver the DNS server for MX lookups; empty for the system's
 * @param queue retry and worker settings
 * @param defaultQuota mailbox quota in bytes for users without their own, 0 for none
 * @param auth brute-force defence
 * @param metricsListen where the Prometheus metrics endpoint listens; empty (the default) for off
 * @param shutdownGrace how long open sessions (and running deliveries) get to finish at a stop, a
 *     listener change on reload, or a plugin unload
 * @param pidFile where {@code tegami run} writes its process id, for {@code tegami reload}
 */
public record ServerConfig(String hostname, List<String> domains, Path spoolDir, Path mailDir, Path pluginsDir,
        Path usersFile, Map<String, Optional<HostPort>> listeners, Net net, Optional<HostPort> dnsResolver,
        Queue queue, long defaultQuota, Auth auth, Optional<HostPort> metricsListen, Duration shutdownGrace,
        Path pidFile) {

    /** The standard listeners and their defaults (DESIGN: loopback, unprivileged ports). */
    public static final List<ListenerSpec> STANDARD_LISTENERS = List.of(
            new ListenerSpec("smtp", "127.0.0.1:2525", false),
            new ListenerSpec("submission", "127.0.0.1:2587", false),
            new ListenerSpec("smtps", "127.0.0.1:2465", true),
            new ListenerSpec("pop3", "127.0.0.1:1110", false),
            new ListenerSpec("pop3s", "127.0.0.1:1995", true),
            new ListenerSpec("imap", "127.0.0.1:1143", false),
            new ListenerSpec("imaps", "127.0.0.1:1993", true));

    /** The metrics endpoint's {@code metrics.listen} key: plain HTTP, off unless set. */
    public static final ListenerSpec METRICS_LISTENER = new ListenerSpec("metrics", "", false);

    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public ServerConfig {
        domains = List.copyOf(domains);
        listeners = Collections.unmodifiableMap(new LinkedHashMap<>(listeners));
    }

    /**
     * Connection limits for all listeners together; {@code handshakeTimeout} bounds a whole TLS
     * handshake (implicit TLS and STARTTLS), so clients that never finish one do not hold a thread;
     * {@code writeTimeout} bounds one write to a client that reads nothing, below the idle timeout.
     */
    public record Net(int maxConnections, int maxConnectionsPerIp, Duration idleTimeout, Duration handshakeTimeout,
            Duration writeTimeout) {
    }

    /** Queue workers, retry back-off, bounce age, claim lease, rescan period. */
    public record Queue(int workers, Duration retryMin, Duration retryMax, Duration maxAge, Duration lease,
            Duration rescan) {
    }

    /**
     * Failed-login defence: lockout after {@code maxFailures} within {@code lockout}, for
     * {@code lockout}; {@code passwordCost} is the bcrypt cost of new passwords (4 to 31).
     */
    public record Auth(int maxFailures, Duration lockout, Duration failureDelay, int passwordCost) {
    }

    /** Loads {@code <confDir>/tegami.conf} (strict; all defaults when missing). Does not check unknown keys. */
    public static ServerConfig load(Path confDir) throws ConfigException {
        return from(ConfigSource.load(confDir));
    }

    /** Reads the core keys from a source, marking them read. */
    public static ServerConfig from(ConfigSource source) throws ConfigException {
        Settings s = source.settings("");
        String hostname = s.string("hostname", "localhost").toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(hostname).matches()) {
            source.problem("hostname", "not a host name: \"" + hostname + "\"");
        }
        List<String> domains = new ArrayList<>();
        for (String d : s.list("domains", List.of("localhost"))) {
            String lower = d.toLowerCase(Locale.ROOT);
            if (DOMAIN.matcher(lower).matches()) {
                domains.add(lower);
            } else {
                source.problem("domains", "not a domain name: \"" + d + "\"");
            }
        }
        Path spool = s.path("spool.dir", Path.of("spool"));
        Path mail = s.path("mail.dir", spool.resolve("mail"));
        Path plugins = s.path("plugins.dir", Path.of("plugins"));
        Path users = s.path("users.file", Path.of("conf", "users"));
        Map<String, Optional<HostPort>> listeners = new LinkedHashMap<>();
        for (ListenerSpec spec : STANDARD_LISTENERS) {
            listeners.put(spec.name(), source.listenAddress(spec));
        }
        Net net = new Net(
                atLeast(source, s, "net.max-connections", 1000, 1),
                atLeast(source, s, "net.max-connections-per-ip", 100, 1),
                positive(source, s, "net.idle-timeout", Duration.ofMinutes(5)),
                positive(source, s, "net.handshake-timeout", Duration.ofSeconds(30)),
                positive(source, s, "net.write-timeout", Duration.ofMinutes(5)));
        Optional<HostPort> dns = Optional.empty();
        String resolver = s.string("dns.resolver", "");
        if (!resolver.isBlank()) {
            try {
                dns = Optional.of(HostPort.parse(resolver, 53));
            } catch (IllegalArgumentException e) {
                source.problem("dns.resolver", e.getMessage());
            }
        }
        Queue queue = new Queue(
                atLeast(source, s, "queue.workers", 16, 1),
                positive(source, s, "queue.retry-min", Duration.ofMinutes(1)),
                positive(source, s, "queue.retry-max", Duration.ofHours(1)),
                positive(source, s, "queue.max-age", Duration.ofDays(5)),
                positive(source, s, "queue.lease", Duration.ofMinutes(10)),
                positive(source, s, "queue.rescan", Duration.ofSeconds(30)));
        if (queue.retryMax().compareTo(queue.retryMin()) < 0) {
            source.problem("queue.retry-max", "shorter than queue.retry-min");
        }
        long quota = s.bytes("delivery.default-quota", 0);
        Auth auth = new Auth(
                atLeast(source, s, "auth.max-failures", 5, 1),
                s.duration("auth.lockout", Duration.ofMinutes(15)),
                s.duration("auth.failure-delay", Duration.ofSeconds(1)),
                passwordCost(source, s));
        Optional<HostPort> metrics = source.listenAddress(METRICS_LISTENER);
        Duration grace = s.duration("shutdown.grace", Duration.ofSeconds(10));
        Path pidFile = s.path("pid.file", spool.resolve("tegami.pid"));
        return new ServerConfig(hostname, domains, spool, mail, plugins, users, listeners, net, dns, queue, quota,
                auth, metrics, grace, pidFile);
    }

    /** The address of a standard listener, empty when switched off or not a standard name. */
    public Optional<HostPort> listener(String name) {
        return listeners.getOrDefault(name, Optional.empty());
    }

    private static int passwordCost(ConfigSource source, Settings s) throws ConfigException {
        int cost = s.integer("auth.password-cost", 12);
        if (cost < 4 || cost > 31) {
            source.problem("auth.password-cost", "must be 4 to 31 (bcrypt cost)");
            return 12;
        }
        return cost;
    }

    private static int atLeast(ConfigSource source, Settings s, String key, int def, int min) throws ConfigException {
        int v = s.integer(key, def);
        if (v < min) {
            source.problem(key, "must be at least " + min);
            return def;
        }
        return v;
    }

    private static Duration positive(ConfigSource source, Settings s, String key, Duration def) throws ConfigException {
        Duration d = s.duration(key, def);
        if (d.isZero()) {
            source.problem(key, "must be longer than 0");
            return def;
        }
        return d;
    }
}
