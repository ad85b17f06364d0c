package org.tegami.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ConfigException;
import org.tegami.api.ListenerSpec;

class ServerConfigTest {

    private static final Path SAMPLE = Path.of("..", "conf", "tegami.conf");

    @Test
    void defaultsInCodeEqualTheSampleConf() throws Exception {
        Path root = Path.of("/opt/tegami");
        ConfigSource sample = ConfigSource.of(ConfigParser.read(SAMPLE), root, false);
        ConfigSource empty = ConfigSource.of(ConfigParser.parse(SAMPLE, List.of()), root, false);
        assertEquals(ServerConfig.from(empty), ServerConfig.from(sample));
    }

    @Test
    void sampleConfLeavesOnlyPluginKeysUnread() throws Exception {
        ConfigSource sample = ConfigSource.of(ConfigParser.read(SAMPLE), Path.of("/opt/tegami"), false);
        ServerConfig.from(sample);
        for (ConfigEntry e : sample.unreadEntries()) {
            assertTrue(List.of("routing", "smtp", "tls", "pop3", "imap").contains(e.key().substring(0, e.key().indexOf('.'))),
                    e.key());
        }
    }

    @Test
    void missingConfMeansDefaults(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("conf");
        ServerConfig c = ServerConfig.load(conf);
        assertEquals("localhost", c.hostname());
        assertEquals(List.of("localhost"), c.domains());
        assertEquals(dir.resolve("spool").toAbsolutePath(), c.spoolDir());
        assertEquals(dir.resolve("spool/mail").toAbsolutePath(), c.mailDir());
        assertEquals(dir.resolve("conf/users").toAbsolutePath(), c.usersFile());
        assertEquals(Optional.of(new HostPort("127.0.0.1", 2525)), c.listener("smtp"));
        assertEquals(Optional.of(new HostPort("127.0.0.1", 1993)), c.listener("imaps"));
        assertEquals(7, c.listeners().size());
        assertEquals(Optional.empty(), c.dnsResolver());
        assertEquals(new ServerConfig.Auth(5, Duration.ofMinutes(15), Duration.ofSeconds(1), 12), c.auth());
        assertEquals(new ServerConfig.Queue(16, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(5),
                Duration.ofMinutes(10), Duration.ofSeconds(30)), c.queue());
        assertEquals(new ServerConfig.Net(1000, 100, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofMinutes(5)), c.net());
        assertEquals(Optional.empty(), c.metricsListen(), "the metrics endpoint is off by default");
    }

    @Test
    void metricsListenTakesHostAndPortAndEmptyIsOff(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tegami.conf"), "metrics.listen = 127.0.0.1:9465\n");
        assertEquals(Optional.of(new HostPort("127.0.0.1", 9465)), ServerConfig.load(dir).metricsListen());
        Files.writeString(dir.resolve("tegami.conf"), "metrics.listen = [::1]:9465\n");
        assertEquals(Optional.of(new HostPort("::1", 9465)), ServerConfig.load(dir).metricsListen());
        Files.writeString(dir.resolve("tegami.conf"), "metrics.listen =\n");
        ConfigSource source = ConfigSource.load(dir);
        assertEquals(Optional.empty(), ServerConfig.from(source).metricsListen());
        source.requireAllKeysRead();
    }

    @Test
    void badMetricsListenStopsWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tegami.conf"), "hostname = a\n\nmetrics.listen = 9465\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.load(dir));
        assertEquals(dir.resolve("tegami.conf"), e.file());
        assertEquals(3, e.line());
        assertEquals("metrics.listen: not host:port (missing port): \"9465\"", e.reason());
        Files.writeString(dir.resolve("tegami.conf"), "metrics.listen = 127.0.0.1:99999\n");
        assertEquals("metrics.listen: not host:port (port out of range): \"127.0.0.1:99999\"",
                assertThrows(ConfigException.class, () -> ServerConfig.load(dir)).reason());
    }

    @Test
    void readsValuesAndLeavesPluginKeys(@TempDir Path dir) throws Exception {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("tegami.conf"), String.join("\n",
                "hostname = MX.Example.ORG", "domains = example.org, Example.NET", "spool.dir = /var/spool/tegami",
                "imap.listen =", "smtp.listen = [::]:25", "dns.resolver = 9.9.9.9", "delivery.default-quota = 1G",
                "smtp.max-size = 50M", "auth.failure-delay = 250ms", ""));
        ConfigSource source = ConfigSource.load(conf);
        ServerConfig c = ServerConfig.from(source);
        assertEquals("mx.example.org", c.hostname());
        assertEquals(List.of("example.org", "example.net"), c.domains());
        assertEquals(Path.of("/var/spool/tegami/mail"), c.mailDir());
        assertEquals(Optional.empty(), c.listener("imap"));
        assertEquals(Optional.of(new HostPort("::", 25)), c.listener("smtp"));
        assertEquals(Optional.of(new HostPort("9.9.9.9", 53)), c.dnsResolver());
        assertEquals(1L << 30, c.defaultQuota());
        assertEquals(Duration.ofMillis(250), c.auth().failureDelay());
        assertEquals(List.of("smtp.max-size"), source.unreadEntries().stream().map(ConfigEntry::key).toList());
        source.settings("smtp").bytes("max-size", 0);
        source.requireAllKeysRead();
    }

    @Test
    void listenKeysOfPluginDeclaredListenersAreCoreKeys(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tegami.conf"), "sieve.listen = 127.0.0.1:4190\nlmtp.listen =\n");
        ConfigSource source = ConfigSource.load(dir);
        ServerConfig.from(source);
        assertEquals(Optional.of(new HostPort("127.0.0.1", 4190)),
                source.listenAddress(new ListenerSpec("sieve", "127.0.0.1:2000", false)));
        assertEquals(Optional.empty(), source.listenAddress(new ListenerSpec("lmtp", "127.0.0.1:24", false)));
        assertEquals(Optional.of(new HostPort("127.0.0.1", 5000)),
                source.listenAddress(new ListenerSpec("other", "127.0.0.1:5000", false)));
        source.requireAllKeysRead();
    }

    @Test
    void badCoreValuesStopWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tegami.conf"), "hostname = a\nsmtp.listen = localhost\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.load(dir));
        assertEquals(2, e.line());
        assertTrue(e.reason().startsWith("smtp.listen: not host:port (missing port)"), e.reason());
        Files.writeString(dir.resolve("tegami.conf"), "queue.workers = 0\n");
        assertEquals("queue.workers: must be at least 1", assertThrows(ConfigException.class,
                () -> ServerConfig.load(dir)).reason());
        Files.writeString(dir.resolve("tegami.conf"), "queue.retry-min = 2h\n");
        assertEquals("queue.retry-max: shorter than queue.retry-min", assertThrows(ConfigException.class,
                () -> ServerConfig.load(dir)).reason());
        Files.writeString(dir.resolve("tegami.conf"), "domains = exa_mple.org\n");
        assertEquals(1, assertThrows(ConfigException.class, () -> ServerConfig.load(dir)).line());
    }
}
