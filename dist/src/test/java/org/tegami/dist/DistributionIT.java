package org.tegami.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive as an operator meets it: unpacked, a user added, the server started with
 * {@code bin/tegami run}, mail sent through {@code bin/sendmail} (also through a symlink, as
 * {@code /usr/sbin/sendmail}) and over SMTP, and the server stopped with SIGTERM; the
 * class-data sharing archive its first run records is used by the next start, and one cut short
 * by a crash is thrown away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static UnpackedArchive archive;
    private static int smtpPort;
    private static Process server;

    @BeforeAll
    static void unpackAndStart() throws Exception {
        archive = UnpackedArchive.unpack(dir);
        smtpPort = archive.listenOnlyForSmtp();
        assertTrue(Files.isDirectory(archive.root().resolve("spool")), "spool/ is in the archive");
        UnpackedArchive.Result added = archive.tegami("secret password\n", "user", "add", "alice@localhost", "--password-stdin");
        assertEquals(0, added.exitCode(), added.output());
        assertTrue(Files.readString(archive.root().resolve("conf/users")).contains("alice@localhost:{BLF-CRYPT}"));
        server = archive.startServer(dir.resolve("run.log"), Duration.ofSeconds(60));
    }

    @AfterAll
    static void killLeftovers() {
        if (server != null && server.isAlive()) {
            server.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void pluginsListsTheFiveBundledPlugins() throws Exception {
        UnpackedArchive.Result listed = archive.tegami(null, "plugins");
        assertEquals(0, listed.exitCode(), listed.output());
        assertTrue(listed.output().contains("plugins in " + archive.root().resolve("plugins") + ": 5"), listed.output());
        for (String plugin : List.of("routing", "tls", "smtp", "pop3", "imap")) {
            assertTrue(listed.output().contains("\n" + plugin + " "), plugin + " missing in:\n" + listed.output());
        }
        assertTrue(!listed.output().contains("FAILED"), listed.output());
    }

    @Test
    @Order(2)
    void sendmailDeliversToTheMaildir() throws Exception {
        UnpackedArchive.Result sent = archive.tegami("Subject: via sendmail\n\nhello\n", "sendmail", "alice@localhost");
        assertEquals(0, sent.exitCode(), sent.output());
        UnpackedArchive.Result script = archive.run(Map.of(), "Subject: via bin/sendmail\n\nhello\n",
                archive.root().resolve("bin/sendmail").toString(), "-oi", "alice@localhost");
        assertEquals(0, script.exitCode(), script.output());
        assertDelivered("via sendmail");
        assertDelivered("via bin/sendmail");
    }

    @Test
    @Order(3)
    void sendmailWorksThroughASymlinkAsUsrSbinSendmail() throws Exception {
        // A relative link in another folder, as 'ln -s' from /usr/sbin would make it.
        Path sbin = Files.createDirectories(dir.resolve("usr/sbin"));
        Path link = sbin.resolve("sendmail");
        Files.createSymbolicLink(link, sbin.relativize(archive.root().resolve("bin/sendmail")));
        UnpackedArchive.Result sent = archive.run(Map.of(), "Subject: via symlink\n\nhello\n", link.toString(),
                "-i", "-f", "root@localhost", "alice@localhost");
        assertEquals(0, sent.exitCode(), sent.output());
        assertTrue(assertDelivered("via symlink").startsWith("Return-Path: <root@localhost>"));
        // Debian's cron: sendmail -FCronDaemon -i -B8BITMIME -oem user
        UnpackedArchive.Result cron = archive.run(Map.of(), "Subject: from cron\n\nhello\n", link.toString(),
                "-FCronDaemon", "-i", "-B8BITMIME", "-oem", "alice@localhost");
        assertEquals(0, cron.exitCode(), cron.output());
        assertTrue(assertDelivered("from cron").contains("From: \"CronDaemon\" <"));
    }

    @Test
    @Order(4)
    void smtpListenerAcceptsAndDelivers() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", smtpPort)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            say(out, "EHLO client.example.org");
            expect(in, "250");
            say(out, "MAIL FROM:<bob@example.org>");
            expect(in, "250");
            say(out, "RCPT TO:<alice@localhost>");
            expect(in, "250");
            say(out, "DATA");
            expect(in, "354");
            say(out, "From: bob@example.org\r\nTo: alice@localhost\r\nSubject: via smtp\r\n\r\nhello over SMTP\r\n.");
            expect(in, "250");
            say(out, "QUIT");
            expect(in, "221");
        }
        assertTrue(assertDelivered("via smtp").contains("hello over SMTP"));
    }

    @Test
    @Order(5)
    void javaOptsComeAfterTheDefaults() throws Exception {
        UnpackedArchive.Result shown = archive.run(Map.of("JAVA_OPTS", "-Xmx123m -XshowSettings:vm"), null,
                archive.root().resolve("bin/tegami").toString(), "--help");
        assertEquals(0, shown.exitCode(), shown.output());
        assertTrue(shown.output().contains("Max. Heap Size: 123.00M"), shown.output());
    }

    @Test
    @Order(6)
    void anOldJavaIsRefusedWithOneClearLine() throws Exception {
        Path fakeHome = dir.resolve("old-java");
        Path java = Files.createDirectories(fakeHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        assertTrue(java.toFile().setExecutable(true));
        UnpackedArchive.Result refused = archive.run(Map.of("JAVA_HOME", fakeHome.toString()), null,
                archive.root().resolve("bin/tegami").toString(), "plugins");
        assertEquals(69, refused.exitCode(), refused.output());
        assertEquals("tegami: " + java + " is Java 11.0.22; Tegami needs Java 17 or later (set JAVA_HOME)\n",
                refused.output());
    }

    @Test
    @Order(7)
    void reloadMakesTheRunningServerReadTheConfigAgain() throws Exception {
        Path conf = archive.root().resolve("conf/tegami.conf");
        Files.writeString(conf, Files.readString(conf).replace("\ndomains = localhost\n", "\ndomains = localhost, example.org\n"));
        UnpackedArchive.Result reloaded = archive.run(Map.of(), null, archive.root().resolve("bin/tegami").toString(), "reload");
        assertEquals(0, reloaded.exitCode(), reloaded.output());
        assertTrue(reloaded.output().contains("reloaded") && reloaded.output().contains("example.org"), reloaded.output());
    }

    @Test
    @Order(8)
    void sigtermStopsTheServerWithinTwentySeconds() throws Exception {
        server.destroy(); // SIGTERM: the script exec'd java, so the signal reaches the JVM
        assertTrue(server.waitFor(20, TimeUnit.SECONDS), "still running 20 s after SIGTERM");
        int code = server.exitValue();
        assertTrue(code == 143 || code == 0, "exit code " + code + "\n" + Files.readString(dir.resolve("run.log")));
    }

    @Test
    @Order(8)
    void theNextStartMapsTheClassesTheFirstRunRecordedAtItsStop() throws Exception {
        Path recorded = onlyArchive(".jsa.new");
        server = archive.startServer(dir.resolve("run2.log"), Duration.ofSeconds(60));
        Path archived = recorded.resolveSibling(recorded.getFileName().toString().replace(".jsa.new", ".jsa"));
        assertTrue(Files.exists(archived) && !Files.exists(recorded), "the checked recording is put in place");
        Path maps = Path.of("/proc", Long.toString(server.pid()), "maps");
        if (Files.exists(maps)) {
            assertTrue(Files.readString(maps).contains(archived.toString()), "the server maps " + archived);
        }
        stop(server, dir.resolve("run2.log"));
    }

    @Test
    @Order(9)
    void aCutShortRecordingIsThrownAwayAndTheServerStartsWithoutIt() throws Exception {
        Path archived = onlyArchive(".jsa");
        byte[] whole = Files.readAllBytes(archived);
        Path cut = archived.resolveSibling(archived.getFileName() + ".new");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Files.delete(archived);
        server = archive.startServer(dir.resolve("run3.log"), Duration.ofSeconds(60));
        assertTrue(!Files.exists(archived), "a recording that does not map is not used");
        stop(server, dir.resolve("run3.log"));
        assertTrue(Files.size(cut) > whole.length / 2, "this run recorded the classes again");
    }

    @Test
    @Order(10)
    void aServerStartedUnderNohupCanStillBeReloaded() throws Exception {
        // nohup starts it with SIGHUP ignored, which a JVM would keep ignored.
        server = archive.startServer(dir.resolve("run4.log"), Duration.ofSeconds(60), "nohup");
        UnpackedArchive.Result reloaded = archive.tegami(null, "reload");
        assertEquals(0, reloaded.exitCode(), reloaded.output());
        assertTrue(reloaded.output().contains("reloaded"), reloaded.output());
        stop(server, dir.resolve("run4.log"));
    }

    /** The one class-data sharing archive in spool/ whose name ends so. */
    private static Path onlyArchive(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(archive.root().resolve("spool"))) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith("tegami-")
                    && f.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), "spool/ holds " + found);
            return found.get(0);
        }
    }

    private static void stop(Process running, Path log) throws Exception {
        running.destroy();
        assertTrue(running.waitFor(20, TimeUnit.SECONDS), "still running 20 s after SIGTERM");
        int code = running.exitValue();
        assertTrue(code == 143 || code == 0, "exit code " + code + "\n" + Files.readString(log));
    }

    /** Waits for a message with this Subject in alice's new/; returns its text. */
    private static String assertDelivered(String subject) throws IOException, InterruptedException {
        Path newDir = archive.root().resolve("spool/mail/localhost/alice/new");
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> found = find(newDir, "Subject: " + subject + "\n");
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("'" + subject + "' not in " + newDir + " within " + DELIVERY + "\n"
                + Files.readString(dir.resolve("run.log")));
    }

    private static Optional<String> find(Path newDir, String line) throws IOException {
        if (!Files.isDirectory(newDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(newDir)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file).replace("\r\n", "\n");
                if (text.contains(line)) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one reply, multi-line ones to their last line, and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        StringBuilder reply = new StringBuilder();
        do {
            line = in.readLine();
            if (line == null) {
                throw new AssertionError("connection closed, expected " + code + " after:\n" + reply);
            }
            reply.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        assertTrue(line.startsWith(code + " "), "expected " + code + ", got:\n" + reply);
    }
}
