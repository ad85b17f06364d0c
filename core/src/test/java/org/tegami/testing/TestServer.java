package org.tegami.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.TegamiExtension;
import org.tegami.core.Tegami;
import org.tegami.core.plugin.LoadedExtension;

/**
 * A real Tegami server for tests: core with the given extensions in-process, listeners on
 * 127.0.0.1 port 0, spool, Maildirs and users in a fresh temporary installation that
 * {@link #close()} removes. Unless told otherwise it adds {@link LocalUsersRouter} and
 * {@link SelfSignedTlsProvider}.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.builder().extension("smtp", new SmtpService())
 *         .user("alice@localhost", "secret").start()) {
 *     int port = server.port("submission");
 *     ...
 *     server.awaitMessages("alice@localhost", 1, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    private final Path root;
    private final Tegami tegami;

    private TestServer(Path root, Tegami tegami) {
        this.root = root;
        this.tegami = tegami;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bound port of a listener ({@code smtp}, {@code submission}, {@code imaps} ...). */
    public int port(String listenerName) {
        return tegami.port(listenerName);
    }

    public Tegami tegami() {
        return tegami;
    }

    /** The temporary installation root (conf/, spool/). */
    public Path root() {
        return root;
    }

    public Path confDir() {
        return root.resolve("conf");
    }

    public Path spoolDir() {
        return root.resolve("spool");
    }

    /** The Maildir of a user {@code local@domain}: {@code spool/mail/<domain>/<local>}. */
    public Path maildir(String user) {
        int at = user.lastIndexOf('@');
        return root.resolve("spool/mail").resolve(user.substring(at + 1)).resolve(user.substring(0, at));
    }

    /** The message files in a user's INBOX ({@code new/} and {@code cur/}), oldest name first. */
    public List<Path> messages(String user) {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            Path dir = maildir(user).resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    /**
     * Waits until a user's INBOX holds at least {@code count} messages.
     *
     * @return the message files
     * @throws AssertionError on timeout, saying how many arrived
     */
    public List<Path> awaitMessages(String user, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> found = messages(user);
        while (found.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " message(s) for " + user + " within " + timeout
                        + ", found " + found.size());
            }
            Thread.sleep(20);
            found = messages(user);
        }
        return found;
    }

    @Override
    public void close() {
        tegami.close();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    /** Builds a {@link TestServer}. */
    public static final class Builder {

        private final List<LoadedExtension<TegamiExtension>> extensions = new ArrayList<>();
        private final Map<String, String> config = new LinkedHashMap<>();
        private final Map<String, String> users = new LinkedHashMap<>();
        private boolean defaultRouter = true;
        private boolean defaultTls = true;

        private Builder() {
            config.put("hostname", "mx.test");
            config.put("domains", "localhost");
            config.put("auth.failure-delay", "10ms");
            config.put("queue.retry-min", "1s");
            config.put("queue.rescan", "1s");
        }

        /** An extension and the plugin id whose settings ({@code id.*}) it reads. */
        public Builder extension(String pluginId, TegamiExtension extension) {
            extensions.add(new LoadedExtension<>(pluginId, extension));
            return this;
        }

        /** A tegami.conf line; overrides the test defaults. */
        public Builder config(String key, String value) {
            config.put(key, value);
            return this;
        }

        /** A user with a password (stored {PLAIN}: tests only). */
        public Builder user(String name, String password) {
            users.put(name, password);
            return this;
        }

        /** Leaves out {@link LocalUsersRouter}, e.g. when the test brings the routing plugin's routers. */
        public Builder withoutDefaultRouter() {
            defaultRouter = false;
            return this;
        }

        /** Leaves out {@link SelfSignedTlsProvider}: no STARTTLS, no implicit TLS. */
        public Builder withoutTls() {
            defaultTls = false;
            return this;
        }

        public TestServer start() throws Exception {
            Path root = Files.createTempDirectory("tegami-test");
            Path conf = Files.createDirectories(root.resolve("conf"));
            Files.createDirectories(root.resolve("spool"));
            List<LoadedExtension<TegamiExtension>> all = new ArrayList<>(extensions);
            if (defaultTls) {
                all.add(0, new LoadedExtension<>("tls", new SelfSignedTlsProvider()));
            }
            if (defaultRouter) {
                all.add(new LoadedExtension<>("routing", new LocalUsersRouter()));
            }
            StringBuilder text = new StringBuilder();
            for (ListenerSpec spec : specs(all)) {
                if (config.containsKey(spec.name() + ".listen")) {
                    continue;
                }
                text.append(spec.name()).append(".listen = 127.0.0.1:0\n");
            }
            for (String standard : List.of("smtp", "submission", "smtps", "pop3", "pop3s", "imap", "imaps")) {
                if (text.indexOf(standard + ".listen") < 0 && !config.containsKey(standard + ".listen")) {
                    text.append(standard).append(".listen =\n");
                }
            }
            config.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
            text.append("plugins.dir = plugins\n");
            Files.writeString(conf.resolve("tegami.conf"), text, StandardCharsets.UTF_8);
            StringBuilder passwd = new StringBuilder();
            users.forEach((name, password) -> passwd.append(name).append(":{PLAIN}").append(password).append('\n'));
            Files.writeString(conf.resolve("users"), passwd, StandardCharsets.UTF_8);
            try {
                return new TestServer(root, Tegami.start(conf, all, false));
            } catch (Exception e) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                throw e;
            }
        }

        private static List<ListenerSpec> specs(List<LoadedExtension<TegamiExtension>> all) {
            List<ListenerSpec> specs = new ArrayList<>();
            for (LoadedExtension<TegamiExtension> e : all) {
                if (e.extension() instanceof ProtocolHandler h) {
                    specs.addAll(h.listeners());
                }
            }
            return specs;
        }
    }
}
