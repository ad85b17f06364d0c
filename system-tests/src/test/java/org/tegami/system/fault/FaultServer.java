package org.tegami.system.fault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tegami.system.FreePorts;
import org.tegami.system.Installation;

/**
 * A throwaway Tegami installation under a test's folder, run as {@code java -jar
 * core/target/tegami.jar run} with the repository's plugin jars: SMTP and IMAP on free loopback
 * ports, short queue timers, and any other setting a test needs. Each start logs to its own
 * file ({@code server-1.log}, {@code server-2.log}, ...) so a failure can show what happened.
 */
final class FaultServer implements AutoCloseable {

    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    static final Path JAR = REPO.resolve("core/target/tegami.jar");
    private static final Pattern SUBJECT = Pattern.compile("(?m)^Subject: (.*)$");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path root;
    private final Path spool;
    private final Path mail;
    private final int smtpPort;
    private final int imapPort;
    private Process process;
    private int starts;

    /**
     * @param root the installation folder (conf/ and the logs go here)
     * @param settings tegami.conf keys that replace or add to the test defaults; {@code spool.dir}
     *     and {@code mail.dir} may point at a tmpfs
     */
    FaultServer(Path root, Map<String, String> settings) throws IOException {
        this.root = root;
        this.smtpPort = FreePorts.next();
        this.imapPort = FreePorts.next();
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("hostname", "fault.test");
        conf.put("domains", "localhost");
        conf.put("plugins.dir", REPO.resolve("plugins").toString());
        conf.put("spool.dir", root.resolve("spool").toString());
        for (String listener : List.of("submission", "smtps", "pop3", "pop3s", "imaps")) {
            conf.put(listener + ".listen", "");
        }
        conf.put("smtp.listen", "127.0.0.1:" + smtpPort);
        conf.put("imap.listen", "127.0.0.1:" + imapPort);
        conf.put("queue.rescan", "1s");
        conf.put("queue.lease", "3s");
        conf.put("queue.retry-min", "2s");
        conf.put("queue.retry-max", "4s");
        conf.put("queue.workers", "4");
        conf.put("routing.rules", root.resolve("conf/routes").toString());
        conf.putAll(settings);
        this.spool = Path.of(conf.get("spool.dir"));
        this.mail = Path.of(conf.getOrDefault("mail.dir", spool.resolve("mail").toString()));
        Files.createDirectories(root.resolve("conf"));
        StringBuilder text = new StringBuilder();
        conf.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(root.resolve("conf/tegami.conf"), text);
        users("");
        if (!Files.exists(root.resolve("conf/routes"))) {
            Files.writeString(root.resolve("conf/routes"), "");
        }
        Files.writeString(root.resolve("conf/tinylog.properties"),
                "writer = console\nwriter.stream = err\nwriter.level = info\nwriter.format = {date} {level} [{tag}] {message}\n");
    }

    /**
     * Writes {@code conf/users}: u1..u10@localhost (password {@code pass<n>}) and the given
     * passwd-file lines. A running server rereads the file by itself.
     */
    void users(String moreLines) throws IOException {
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            users.append("u").append(i).append("@localhost:{PLAIN}pass").append(i).append('\n');
        }
        Path tmp = root.resolve("conf/users.new");
        Files.writeString(tmp, users + moreLines);
        Files.move(tmp, root.resolve("conf/users"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    Path root() {
        return root;
    }

    Path spool() {
        return spool;
    }

    Path mail() {
        return mail;
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    Process process() {
        return process;
    }


    /** Starts {@code tegami run} and waits until SMTP and IMAP answer. */
    void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        starts++;
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", JAR.toString(), "--conf", root.resolve("conf").toString(), "run");
        pb.redirectErrorStream(true);
        pb.redirectOutput(root.resolve("server-" + starts + ".log").toFile());
        process = pb.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(answers(smtpPort) && answers(imapPort))) {
            if (!process.isAlive()) {
                throw new AssertionError("the server ended at start (exit " + process.exitValue() + "):\n" + logs());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server did not open its ports within " + START_TIMEOUT + ":\n" + logs());
            }
            Thread.sleep(100);
        }
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(5000);
            return s.getInputStream().read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A normal stop (SIGTERM), forced after 20 seconds. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A new SMTP connection to the MX listener, greeted and past EHLO. */
    SmtpProbe smtp() throws IOException {
        return new SmtpProbe(smtpPort);
    }

    /** A new IMAP connection, logged in as {@code u<n>@localhost}. */
    ImapProbe imap(int user) throws IOException {
        ImapProbe p = new ImapProbe(imapPort);
        String done = p.command("LOGIN u" + user + "@localhost pass" + user);
        if (!done.startsWith("OK")) {
            p.close();
            throw new IOException("IMAP login failed: " + done);
        }
        return p;
    }

    /** Runs {@code tegami queue ARGS} on this installation; returns its output (stdout and stderr). */
    String queue(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString(), "--conf", root.resolve("conf").toString(), "queue"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tegami queue did not finish");
        }
        return "exit " + p.exitValue() + "\n" + out;
    }

    /** {@code tegami queue} output for polling and failure messages; a failure to run it becomes the text. */
    String listing() {
        try {
            return queue();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** Drops a message into {@code spool/incoming/} the documented way: written aside, renamed in. */
    void dropIncoming(String name, String from, String to, String subject) throws IOException {
        Path stage = Files.createDirectories(root.resolve("stage"));
        Path incoming = Files.createDirectories(spool.resolve("incoming"));
        String text = "X-Envelope-From: <" + from + ">\nX-Envelope-To: <" + to + ">\nFrom: " + from + "\nTo: " + to
                + "\nSubject: " + subject + "\nMessage-ID: <" + subject.replace(' ', '.') + "@fault.test>\n\nbody of " + subject + "\n";
        Files.writeString(stage.resolve(name), text);
        Files.move(stage.resolve(name), incoming.resolve(name));
    }

    /** Message files in every Maildir ({@code new/} and {@code cur/} of every folder). */
    List<Path> deliveredFiles() {
        return Installation.deliveredFiles(mail);
    }

    /** How often each Subject appears across all delivered files. */
    Map<String, Integer> subjectCounts() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path file : deliveredFiles()) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
            } catch (java.nio.file.NoSuchFileException moved) {
                return subjectCounts(); // a reader moved it to cur/ meanwhile: count again
            }
            Matcher m = SUBJECT.matcher(text);
            counts.merge(m.find() ? m.group(1).strip() : "(no subject in " + file + ")", 1, Integer::sum);
        }
        return counts;
    }

    /** Polls {@code condition} every 100 ms until it holds or {@code timeout} passes; returns its last value. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return condition.getAsBoolean();
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Whether a message with this Subject has been delivered (at least once). */
    boolean delivered(String subject) {
        try {
            return subjectCounts().containsKey(subject);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every log of this installation so far, concatenated. */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            Path log = root.resolve("server-" + i + ".log");
            try {
                b.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log, StandardCharsets.UTF_8));
            } catch (IOException e) {
                b.append("--- ").append(log).append(": ").append(e).append('\n');
            }
        }
        return b.toString();
    }

    /** The WARN and ERROR lines of all logs, to explain a failure. */
    String problems() {
        return String.join("\n", logs().lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).limit(40).toList());
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
