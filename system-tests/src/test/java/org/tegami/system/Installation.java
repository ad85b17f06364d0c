package org.tegami.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throwaway Tegami installation (conf/, spool/) that runs the packaged
 * {@code core/target/tegami.jar} with the repository's plugin jars, as separate processes.
 * Public for the system tests in sub-packages ({@code load}).
 */
public final class Installation {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path JAR = REPO.resolve("core/target/tegami.jar");
    /**
     * Servers start with SIGHUP at its default, as under systemd or bin/tegami, also when the
     * build itself runs with it ignored (under nohup): a JVM keeps an ignored SIGHUP ignored,
     * and 'tegami reload' would not reach it.
     */
    static final List<String> DEFAULT_SIGNALS = List.of("env", "--default-signal=HUP");
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject: (.*)$");

    private final Path root;

    public Installation(Path root, String extraConfig) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("conf"));
        Files.createDirectories(root.resolve("spool"));
        StringBuilder conf = new StringBuilder();
        conf.append("hostname = system.test\ndomains = localhost\n");
        conf.append("plugins.dir = ").append(REPO.resolve("plugins")).append('\n');
        for (String listener : List.of("smtp", "submission", "smtps", "pop3", "pop3s", "imap", "imaps")) {
            conf.append(listener).append(".listen =\n");
        }
        conf.append("queue.rescan = 1s\nqueue.lease = 3s\nqueue.retry-min = 2s\nqueue.retry-max = 4s\n").append(extraConfig);
        Files.writeString(root.resolve("conf/tegami.conf"), conf);
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            users.append("u").append(i).append("@localhost:{PLAIN}pass").append(i).append('\n');
        }
        Files.writeString(root.resolve("conf/users"), users);
        Files.writeString(root.resolve("conf/tinylog.properties"),
                "writer = console\nwriter.stream = err\nwriter.level = info\nwriter.format = {date} {level} [{tag}] {message}\n");
    }

    public Path root() {
        return root;
    }

    Path conf() {
        return root.resolve("conf");
    }

    public Path spool() {
        return root.resolve("spool");
    }

    /** Moves a listener to a free loopback port, {@code <listener>.listen}; returns the port. */
    int listenOnFreePort(String listener) throws IOException {
        int port = FreePorts.next();
        set(listener + ".listen", "127.0.0.1:" + port);
        return port;
    }

    /** Starts {@code tegami run}; its output goes to {@code <root>/<logName>}. */
    Process start(String logName) throws IOException {
        return start(logName, DEFAULT_SIGNALS);
    }

    /**
     * Starts {@code tegami run} run by {@code wrapper}, e.g. {@code nohup}; its output goes to
     * {@code <root>/<logName>}.
     */
    Process start(String logName, List<String> wrapper) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(javaBin(), "-jar", JAR.toString(), "--conf", conf().toString(), "run"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(root.resolve(logName).toFile());
        return pb.start();
    }

    /**
     * A second configuration folder {@code conf-<name>/} beside {@code conf/}, for another
     * instance on the same spool and mail root: relative paths resolve against the folder
     * holding both, so spool, Maildirs and users are shared. Only {@code smtp.listen} differs:
     * 127.0.0.1 port 0, each instance on a port of its own ({@link #awaitListening}).
     */
    public Path instanceConf(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve("conf-" + name));
        try (Stream<Path> files = Files.list(conf())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String conf = Files.readString(dir.resolve("tegami.conf")).replaceFirst("(?m)^smtp\\.listen =.*$",
                "smtp.listen = 127.0.0.1:0");
        Files.writeString(dir.resolve("tegami.conf"), conf);
        return dir;
    }

    /** Starts {@code tegami run} with the configuration folder {@code confDir}; output to {@code <root>/<logName>}. */
    public Process start(Path confDir, String logName) throws IOException {
        List<String> command = new ArrayList<>(DEFAULT_SIGNALS);
        command.addAll(List.of(javaBin(), "-jar", JAR.toString(), "--conf", confDir.toString(), "run"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(root.resolve(logName).toFile());
        return pb.start();
    }

    /**
     * Waits until the log {@code logName} says a listener is bound ("listening for smtp on
     * 127.0.0.1:40123") and returns its port.
     */
    public int awaitListening(String logName, String listener, Duration timeout) throws IOException, InterruptedException {
        Pattern bound = Pattern.compile("listening for " + Pattern.quote(listener) + " on [^ ]+:(\\d+)");
        Path log = root.resolve(logName);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = bound.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(listener + " not listening after " + timeout + "; " + logName + ":\n" + problems(logName));
    }

    /** Runs a command of the jar on this installation to its end; returns exit code and output. */
    Result command(String stdin, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--conf", conf().toString()));
        all.addAll(List.of(args));
        return run(stdin, all.toArray(String[]::new));
    }

    /** Like {@link #command}, as the user with {@code uid} (by setpriv(1); needs root). */
    Result commandAsUser(int uid, String stdin, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                javaBin(), "-jar", JAR.toString(), "--conf", conf().toString()));
        all.addAll(List.of(args));
        return exec(all, stdin);
    }

    /** Runs {@code java -jar tegami.jar ARGS} to its end; returns exit code and output. */
    static Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, stdin);
    }

    private static Result exec(List<String> cmd, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("command did not finish: " + cmd);
        }
        return new Result(p.exitValue(), out);
    }

    record Result(int exitCode, String output) {
    }

    /**
     * Puts {@code count} messages numbered {@code from..} into spool/incoming/, each written
     * aside first and renamed in, for users u1..u10 in turn.
     */
    void dropIncoming(int from, int count) throws IOException {
        Path stage = Files.createDirectories(root.resolve("stage"));
        Path incoming = Files.createDirectories(spool().resolve("incoming"));
        for (int i = from; i < from + count; i++) {
            int user = i % 10 + 1;
            String message = "X-Envelope-From: <sender@example.org>\nX-Envelope-To: <u" + user + "@localhost>\n"
                    + "From: sender@example.org\nTo: u" + user + "@localhost\nSubject: message " + i + "\n"
                    + "Message-ID: <" + i + "@system.test>\n\n" + "body of message " + i + "\n" + "x".repeat(i % 977) + "\n";
            Path staged = stage.resolve("m" + i);
            Files.writeString(staged, message);
            Files.move(staged, incoming.resolve("m" + i));
        }
    }

    /** Message files in every user's Maildir ({@code new/} and {@code cur/} of every folder). */
    public List<Path> deliveredFiles() {
        return deliveredFiles(spool().resolve("mail"));
    }

    /** Message files in {@code new/} and {@code cur/} of every folder below the mail root {@code mail}. */
    public static List<Path> deliveredFiles(Path mail) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(mail)) {
            return found;
        }
        try {
            // The server writes lock and tmp files meanwhile: files that vanish are skipped.
            Files.walkFileTree(mail, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String dir = file.getParent().getFileName().toString();
                    if (attrs.isRegularFile() && (dir.equals("new") || dir.equals("cur"))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** How often each Subject appears across all delivered files. */
    Map<String, Integer> subjectCounts() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : deliveredFiles()) {
            Matcher m = SUBJECT.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
            counts.merge(m.find() ? m.group(1) : "(none in " + file + ")", 1, Integer::sum);
        }
        return counts;
    }

    /** Waits until at least {@code count} messages are delivered; returns how many are. */
    int awaitDelivered(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int n = deliveredFiles().size();
        while (n < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            n = deliveredFiles().size();
        }
        return n;
    }

    /** The WARN and ERROR lines of a server log, to explain a failure. */
    public String problems(String logName) throws IOException {
        Path log = root.resolve(logName);
        if (!Files.exists(log)) {
            return "";
        }
        return String.join("\n", Files.readAllLines(log).stream()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("status=deferred"))
                .filter(l -> !l.contains("file not found")).limit(20).toList());
    }

    public static void stop(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** Sets one key of conf/tegami.conf: replaces its line, or appends one. */
    void set(String key, String value) throws IOException {
        Path file = conf().resolve("tegami.conf");
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key + " =")) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(file, lines);
    }

    /**
     * Copies the bundled plugin jars into {@code <root>/plugins} and points plugins.dir there,
     * so that a test can drop its own jars beside them.
     */
    Path ownPluginsDir() throws IOException {
        Path dir = Files.createDirectories(root.resolve("plugins"));
        try (var modules = Files.list(REPO.resolve("plugins"))) {
            for (Path module : modules.toList()) {
                Path target = module.resolve("target");
                if (!Files.isDirectory(target)) {
                    continue;
                }
                try (var jars = Files.newDirectoryStream(target, "tegami-plugin-*.jar")) {
                    for (Path jar : jars) {
                        Files.copy(jar, dir.resolve(jar.getFileName()));
                    }
                }
            }
        }
        set("plugins.dir", dir.toString());
        return dir;
    }

    /** Waits until the log holds {@code text}; fails with the log's problems otherwise. */
    void awaitLog(String logName, String text, Duration timeout) throws IOException, InterruptedException {
        Path log = root.resolve(logName);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no \"" + text + "\" in " + logName + " within " + timeout + ":\n"
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "(no log)"));
    }


    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
