package org.tegami.dist;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code tegami-VERSION.tar.gz}, unpacked with the system's {@code tar} into a
 * folder, its commands run through {@code bin/} as separate processes.
 */
final class UnpackedArchive {

    private static final List<String> LISTENERS =
            List.of("smtp", "submission", "smtps", "pop3", "pop3s", "imap", "imaps");

    private final Path root;

    private UnpackedArchive(Path root) {
        this.root = root;
    }

    /** Unpacks the archive named by the system property {@code tegami.dist.archive} into {@code dir}. */
    static UnpackedArchive unpack(Path dir) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("tegami.dist.archive", "target/tegami.tar.gz"));
        if (!Files.isRegularFile(archive)) {
            throw new AssertionError("no archive at " + archive.toAbsolutePath() + " (mvn package builds it)");
        }
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            throw new AssertionError("tar -xzf failed: " + out);
        }
        String version = System.getProperty("tegami.dist.version", "");
        return new UnpackedArchive(dir.resolve("tegami-" + version));
    }

    Path root() {
        return root;
    }

    /**
     * Switches every listener off in conf/tegami.conf except SMTP, which gets a free loopback
     * port; every other setting stays as shipped. Returns the SMTP port.
     */
    int listenOnlyForSmtp() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path conf = root.resolve("conf/tegami.conf");
        String text = Files.readString(conf);
        for (String listener : LISTENERS) {
            String value = listener.equals("smtp") ? "127.0.0.1:" + port : "";
            String replaced = text.replaceAll("(?m)^" + listener + "\\.listen = .*$", listener + ".listen = " + value);
            if (replaced.equals(text)) {
                throw new AssertionError("conf/tegami.conf has no line '" + listener + ".listen = ...'");
            }
            text = replaced;
        }
        Files.writeString(conf, text);
        return port;
    }

    /** Runs {@code command} (a bin/ script or a link to one) to its end. */
    Result run(Map<String, String> env, String stdin, String command, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = builder(cmd, env).redirectErrorStream(true);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + cmd);
        }
        return new Result(p.exitValue(), out);
    }

    /** Runs {@code bin/tegami ARGS} to its end. */
    Result tegami(String stdin, String... args) throws IOException, InterruptedException {
        return run(Map.of(), stdin, root.resolve("bin/tegami").toString(), args);
    }

    /**
     * Starts {@code bin/tegami run} with its output in {@code log}; waits for the start line.
     *
     * @param wrapper a command that runs it, e.g. {@code nohup}, or none
     */
    Process startServer(Path log, Duration timeout, String... wrapper) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(wrapper));
        command.addAll(List.of(root.resolve("bin/tegami").toString(), "run"));
        Process server = builder(command, Map.of()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            if (text.contains("started:")) {
                return server;
            }
            if (!server.isAlive()) {
                throw new AssertionError("server ended with " + server.exitValue() + ":\n" + text);
            }
            Thread.sleep(100);
        }
        server.destroyForcibly();
        throw new AssertionError("no 'started:' line within " + timeout + ":\n" + Files.readString(log));
    }

    /**
     * The scripts find Java through JAVA_HOME: the runtime running this test. The working
     * folder is elsewhere, as for a command run from cron.
     */
    private ProcessBuilder builder(List<String> cmd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.getParent().toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("TEGAMI_CONF");
        pb.environment().putAll(env);
        return pb;
    }

    /** A finished command: exit code and output (stdout and stderr together). */
    record Result(int exitCode, String output) {
    }
}
