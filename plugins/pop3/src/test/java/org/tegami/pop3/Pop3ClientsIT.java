package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tegami.api.MessageInfo;
import org.tegami.pop3.testing.MixedMailbox;
import org.tegami.pop3.testing.Pop3TestServer;

/**
 * Real clients download a mailbox of mixed sizes byte for byte from the real server (core's
 * listeners and Maildir store), over plain POP3, STLS and POP3S: Angus Mail's POP3 provider,
 * Python's poplib, and a raw socket pipelining every RETR. 100 messages up to 1 MB by default;
 * {@code -Dtegami.pop3.big=true} runs 1,000 messages up to 10 MB.
 */
class Pop3ClientsIT {

    private static final String USER = "bob@localhost";
    private static final String PASSWORD = "a long pass phrase";
    private static final boolean BIG = Boolean.getBoolean("tegami.pop3.big");

    @TempDir
    static Path temp;
    private static List<String> digests;
    private static List<String> keys;
    private static long totalBytes;
    private static Pop3TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        List<Path> files = MixedMailbox.write(temp.resolve("delivered"), BIG ? 1000 : 100,
                BIG ? 10 << 20 : 1 << 20, 20261127L);
        server = Pop3TestServer.start(builder -> builder.user(USER, PASSWORD));
        digests = new ArrayList<>();
        for (Path file : files) {
            server.append(USER, file);
            digests.add(MixedMailbox.sha256(file));
            totalBytes += Files.size(file);
        }
        keys = server.inbox(USER).stream().map(MessageInfo::key).toList();
        assertEquals(files.size(), keys.size());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "stls", "ssl"})
    void poplibDownloadsTheMailboxByteForByte(String mode) throws Exception {
        assumeTrue(python() != null, "python3 is not installed");
        Path out = Files.createDirectories(temp.resolve("poplib-" + mode));
        Path script = Path.of(Pop3ClientsIT.class.getResource("/clients/poplib_download.py").toURI());
        int port = mode.equals("ssl") ? server.pop3sPort() : server.pop3Port();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(python(), script.toString(), mode, "127.0.0.1", Integer.toString(port),
                USER, PASSWORD, out.toString()).redirectErrorStream(true).start();
        boolean finished = process.waitFor(BIG ? 600 : 120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertEquals(0, finished ? process.exitValue() : -1, output);
        report("poplib " + mode, start);
        for (int n = 1; n <= digests.size(); n++) {
            assertEquals(digests.get(n - 1), MixedMailbox.sha256(out.resolve(n + ".eml")), "message " + n);
        }
        List<String> uidl = Files.readAllLines(out.resolve("uidl.txt"));
        for (int n = 1; n <= keys.size(); n++) {
            assertEquals(n + " " + keys.get(n - 1), uidl.get(n - 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "stls", "ssl"})
    void angusMailDownloadsTheMailboxByteForByte(String mode) throws Exception {
        String protocol = mode.equals("ssl") ? "pop3s" : "pop3";
        Properties props = new Properties();
        props.put("mail." + protocol + ".ssl.trust", "*");
        props.put("mail." + protocol + ".timeout", "30000");
        if (mode.equals("stls")) {
            props.put("mail.pop3.starttls.enable", "true");
            props.put("mail.pop3.starttls.required", "true");
        }
        int port = mode.equals("ssl") ? server.pop3sPort() : server.pop3Port();
        long start = System.nanoTime();
        Store store = Session.getInstance(props).getStore(protocol);
        store.connect("127.0.0.1", port, USER, PASSWORD);
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertEquals(digests.size(), messages.length);
            for (Message message : messages) {
                int n = message.getMessageNumber();
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                    message.writeTo(sink);
                }
                assertEquals(digests.get(n - 1), HexFormat.of().formatHex(digest.digest()), "message " + n);
                assertEquals(keys.get(n - 1), inbox.getUID(message));
            }
            inbox.close(false);
        } finally {
            store.close();
        }
        report("Angus Mail " + mode, start);
    }

    @Test
    void pipelinedRetrOverARawSocketIsByteForByte() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.pop3Port())) {
            socket.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = socket.getOutputStream();
            StringBuilder commands = new StringBuilder("USER " + USER + "\r\nPASS " + PASSWORD + "\r\n");
            for (int n = 1; n <= digests.size(); n++) {
                commands.append("RETR ").append(n).append("\r\n");
            }
            commands.append("QUIT\r\n");
            long start = System.nanoTime();
            out.write(commands.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(readLine(in).startsWith("+OK"));
            assertTrue(readLine(in).startsWith("+OK"));
            assertTrue(readLine(in).startsWith("+OK maildrop"));
            for (int n = 1; n <= digests.size(); n++) {
                assertTrue(readLine(in).startsWith("+OK"), "RETR " + n);
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (byte[] line = readRawLine(in); !Arrays.equals(line, DOT_CRLF); line = readRawLine(in)) {
                    int skip = line.length > 0 && line[0] == '.' ? 1 : 0;
                    digest.update(line, skip, line.length - skip);
                }
                assertEquals(digests.get(n - 1), HexFormat.of().formatHex(digest.digest()), "message " + n);
            }
            report("raw pipelined RETR", start);
            assertTrue(readLine(in).startsWith("+OK"));
        }
    }

    private static final byte[] DOT_CRLF = {'.', '\r', '\n'};

    /** One line with its CRLF. */
    private static byte[] readRawLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        return new String(readRawLine(in), StandardCharsets.UTF_8).strip();
    }

    private static void report(String what, long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        double seconds = took.toMillis() / 1000.0;
        System.out.printf("%s: %d messages, %.1f MB in %.2f s (%.1f MB/s, %.0f msg/s)%n", what, digests.size(),
                totalBytes / 1e6, seconds, totalBytes / 1e6 / seconds, digests.size() / seconds);
    }

    private static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
