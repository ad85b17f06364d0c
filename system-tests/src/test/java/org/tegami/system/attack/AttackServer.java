package org.tegami.system.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tegami.system.FreePorts;

/**
 * The packaged server ({@code core/target/tegami.jar} with the repository's plugin jars) in a
 * throwaway installation, with every listener on a free loopback port, small limits and
 * timeouts so attacks end fast, a small heap so unbounded buffering shows as a crash, and a
 * routing rule that relays every non-local recipient to a {@link RelaySink}.
 */
final class AttackServer implements AutoCloseable {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path JAR = REPO.resolve("core/target/tegami.jar");
    static final List<String> LISTENERS = List.of("smtp", "submission", "smtps", "pop3", "pop3s", "imap", "imaps");
    static final int USERS = 3;

    private final Path root;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final RelaySink sink;
    private final Process process;
    private String name = "server";

    private AttackServer(Path root, Map<String, String> overrides) throws IOException, InterruptedException {
        this.root = root;
        this.sink = new RelaySink();
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("spool"));
        Map<String, String> conf = baseConfig();
        for (String listener : LISTENERS) {
            int port = FreePorts.next();
            ports.put(listener, port);
            conf.put(listener + ".listen", "127.0.0.1:" + port);
        }
        conf.putAll(overrides);
        StringBuilder text = new StringBuilder();
        conf.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(root.resolve("conf/tegami.conf"), text);
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= USERS; i++) {
            users.append("u").append(i).append("@localhost:{PLAIN}pass").append(i).append('\n');
        }
        Files.writeString(root.resolve("conf/users"), users);
        Files.writeString(root.resolve("conf/routes"), "*  relay smtp:[127.0.0.1]:" + sink.port() + "\n");
        Files.writeString(root.resolve("conf/aliases"), "");
        Files.writeString(root.resolve("conf/virtual"), "");
        Files.writeString(root.resolve("conf/tinylog.properties"),
                "writer = console\nwriter.stream = err\nwriter.level = info\nwriter.format = {date} {level} [{tag}] {message}\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", JAR.toString(), "--conf", root.resolve("conf").toString(), "run");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log().toFile());
        this.process = pb.start();
        try {
            awaitStarted();
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            sink.close();
            throw e;
        }
    }

    /**
     * Starts a server with the attack configuration, {@code overrides} replacing or adding keys. Its
     * log is kept as {@code target/attack-logs/<test class>.log} after {@link #close()}.
     */
    static AttackServer start(Path root, Map<String, String> overrides) throws IOException, InterruptedException {
        return start(root, overrides,
                StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName());
    }

    /** As {@link #start(Path, Map)}, the log kept under {@code name}. */
    static AttackServer start(Path root, Map<String, String> overrides, String name)
            throws IOException, InterruptedException {
        AttackServer server = new AttackServer(root, overrides);
        server.name = name;
        return server;
    }

    private Map<String, String> baseConfig() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("hostname", "attack.test");
        c.put("domains", "localhost");
        c.put("plugins.dir", REPO.resolve("plugins").toString());
        c.put("net.max-connections", "500");
        c.put("net.max-connections-per-ip", "40");
        c.put("net.idle-timeout", "3s");
        c.put("net.handshake-timeout", "2s");
        c.put("queue.rescan", "1s");
        c.put("queue.retry-min", "1s");
        c.put("queue.retry-max", "2s");
        c.put("auth.max-failures", "3");
        c.put("auth.lockout", "3s");
        c.put("auth.failure-delay", "50ms");
        // unknown users cost a check at this cost (the test users are {PLAIN}); 4 keeps the suite fast
        c.put("auth.password-cost", "4");
        c.put("smtp.max-size", "1M");
        c.put("smtp.max-bad-commands", "10");
        c.put("smtp.max-junk-commands", "20");
        c.put("smtp.session-timeout", "8s");
        c.put("smtp.command-timeout", "3s");
        c.put("smtp.data-timeout", "3s");
        c.put("smtp.relay.connect-timeout", "2s");
        c.put("pop3.max-bad-commands", "10");
        c.put("pop3.idle-timeout", "3s");
        c.put("imap.max-line-length", "8192");
        c.put("imap.max-message-size", "1M");
        c.put("imap.session-timeout", "5s");
        c.put("imap.max-bad-commands", "10");
        return c;
    }

    int port(String listener) {
        Integer port = ports.get(listener);
        if (port == null) {
            throw new IllegalArgumentException("no listener " + listener);
        }
        return port;
    }

    RelaySink sink() {
        return sink;
    }

    Path root() {
        return root;
    }

    Path mailRoot() {
        return root.resolve("spool/mail");
    }

    /** The Maildir of {@code u<n>@localhost}. */
    Path maildir(String localPart) {
        return mailRoot().resolve("localhost").resolve(localPart);
    }

    Path log() {
        return root.resolve("server.log");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Message files in a user's INBOX ({@code new/} and {@code cur/}). */
    List<Path> inbox(String localPart) {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            Path dir = maildir(localPart).resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    /** The contents of a user's INBOX messages, waiting up to {@code timeout} for {@code count} of them. */
    List<String> awaitInbox(String localPart, int count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inbox(localPart).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<String> texts = new ArrayList<>();
        for (Path f : inbox(localPart)) {
            texts.add(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        return texts;
    }

    /** Entries waiting in the spool's queue (accepted, not yet delivered, relayed or bounced). */
    long queued() throws IOException {
        long n = 0;
        for (String dir : List.of("queue", "active", "incoming")) {
            Path p = root.resolve("spool").resolve(dir);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    n += s.filter(Files::isRegularFile).count();
                }
            }
        }
        return n;
    }

    String logText() throws IOException {
        return Files.readString(log(), StandardCharsets.UTF_8);
    }

    /**
     * The log lines at ERROR level: a handler that failed with an unexpected exception (the
     * client saw only a generic error or a closed connection, but it is a bug all the same).
     */
    List<String> loggedErrors() throws IOException {
        return logText().lines().filter(l -> l.contains(" ERROR ")).toList();
    }

    /** Fails unless the server still greets a new client on every plain listener and answers NOOP. */
    void assertServes(String source) throws IOException {
        Wire.assertServes(this, source);
    }

    private void awaitStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited at start:\n" + logText());
            }
            if (Files.exists(log()) && logText().contains(" started: ")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server did not start in 60 s:\n" + logText());
    }


    /** Whether something accepts on the port (used to prove a listener is still up). */
    static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server and fails if it logged any ERROR line meanwhile (an unexpected exception in a handler). */
    void closeAndAssertNoErrors() throws IOException, InterruptedException {
        List<String> errors = loggedErrors();
        close();
        if (!errors.isEmpty()) {
            throw new AssertionError("the server logged errors:\n" + String.join("\n", errors));
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        } finally {
            sink.close();
            try {
                Path kept = Files.createDirectories(Path.of("target", "attack-logs"));
                Files.copy(log(), kept.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // only a convenience for reading after a failure
            }
        }
    }
}
