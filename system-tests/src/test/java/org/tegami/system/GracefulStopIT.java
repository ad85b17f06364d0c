package org.tegami.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged server: stop accepting at once, end sessions idle between commands
 * at once with their protocol's notice, let sessions busy with a command finish it, lose nothing.
 */
class GracefulStopIT {

    private static final String NOTICE = "421 4.3.2 system.test Service shutting down";

    @Test
    void aMessageInDataWhenSigtermArrivesIsAcceptedAndNewConnectionsAreRefused(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "");
        int port = install.listenOnFreePort("smtp");
        install.set("shutdown.grace", "20s");
        Process server = install.start("run.log");
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            assertTrue(Files.exists(install.spool().resolve("tegami.pid")), "the pid file is written at start");
            try (SmtpClient client = SmtpClient.connect(port)) {
                assertEquals("250", client.startTransaction("sender@example.org", "u1@localhost").substring(0, 3));
                assertEquals("354", client.command("DATA").substring(0, 3));
                client.send("Subject: sent across the stop");
                client.send("");
                client.send("first half, before SIGTERM");

                server.destroy(); // SIGTERM
                install.awaitLog("run.log", "stopping: no new connections", Duration.ofSeconds(10));
                assertTrue(SmtpClient.awaitAccepting(port, false, Duration.ofSeconds(5)),
                        "after SIGTERM new connections are refused");
                assertTrue(server.isAlive(), "the server waits for the open session");

                client.send("second half, after SIGTERM");
                assertEquals("250", client.command(".").substring(0, 3), "the message in DATA is accepted");
                assertEquals(NOTICE, client.reply(), "then the session is ended, not left waiting for QUIT");
            }
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server ends once its session has");
            assertEquals(143, server.exitValue(), "128 + SIGTERM, as systemd's SuccessExitStatus expects");
            String log = Files.readString(install.root().resolve("run.log"));
            assertTrue(log.contains("tegami stopped"), log);
            assertFalse(log.contains("closing 1 session(s) still open"), "the session was not cut: " + log);
            assertFalse(Files.exists(install.spool().resolve("tegami.pid")), "a clean stop removes the pid file");
        } finally {
            Installation.stop(server);
        }
        if (install.deliveredFiles().isEmpty()) {
            // Accepted but not yet delivered when the server stopped: the spool holds it for the next start.
            Process again = install.start("run2.log");
            try {
                assertEquals(1, install.awaitDelivered(1, Duration.ofSeconds(30)), install.problems("run2.log"));
            } finally {
                Installation.stop(again);
            }
        }
        assertEquals(Map.of("sent across the stop", 1), install.subjectCounts());
    }

    @Test
    void anIdleSessionGets421AtOnceAndOneStuckInDataIsClosedAfterTheGraceTime(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "");
        int port = install.listenOnFreePort("smtp");
        install.set("shutdown.grace", "2s");
        Process server = install.start("run.log");
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            try (SmtpClient idle = SmtpClient.connect(port); SmtpClient stuck = SmtpClient.connect(port)) {
                assertEquals("250", stuck.startTransaction("sender@example.org", "u1@localhost").substring(0, 3));
                assertEquals("354", stuck.command("DATA").substring(0, 3));
                stuck.send("Subject: never finished");
                long start = System.nanoTime();
                server.destroy();
                assertEquals(NOTICE, idle.reply(), "the idle session is told at once");
                long noticeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(noticeMillis < 1500, "421 after " + noticeMillis + " ms");
                assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the stop does not wait for a stuck client forever");
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(tookMillis >= 1500, "the session in DATA had its grace time first: " + tookMillis + " ms");
                assertTrue(Files.readString(install.root().resolve("run.log"))
                        .contains("closing 1 session(s) still open after the grace time"));
            }
        } finally {
            Installation.stop(server);
        }
        assertTrue(install.deliveredFiles().isEmpty(), "the unfinished message is not delivered");
    }

    /**
     * 50 IMAP clients logged in and idle plus 50 SMTP clients between transactions: with the
     * default grace time (10 s) the stop used to take all of it; now each session gets its
     * notice at once and the server ends well before.
     */
    @Test
    void manyIdleSessionsDoNotHoldTheStop(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        Installation install = new Installation(dir, "");
        int smtpPort = install.listenOnFreePort("smtp");
        int imapPort = install.listenOnFreePort("imap");
        install.set("shutdown.grace", "10s");
        install.set("net.max-connections-per-ip", "200");
        Process server = install.start("run.log");
        List<LineSession> sessions = new ArrayList<>();
        try {
            install.awaitLog("run.log", "started: hostname", Duration.ofSeconds(60));
            for (int i = 0; i < 50; i++) {
                LineSession imap = LineSession.connect(imapPort);
                sessions.add(imap);
                imap.expect("* OK");
                int user = i % 10 + 1;
                imap.send("a LOGIN u" + user + "@localhost pass" + user);
                imap.expect("a OK");
                imap.send("b SELECT INBOX");
                imap.expect("b OK");
                LineSession smtp = LineSession.connect(smtpPort);
                sessions.add(smtp);
                smtp.expect("220 ");
                smtp.send("EHLO client.test");
                smtp.expect("250 ");
            }
            long start = System.nanoTime();
            server.destroy();
            for (LineSession session : sessions) {
                String notice = session.line();
                assertTrue(notice != null && (notice.equals(NOTICE)
                        || notice.equals("* BYE [UNAVAILABLE] Server shutting down")), String.valueOf(notice));
            }
            long noticesMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("stop with 50 idle IMAP + 50 idle SMTP sessions: all notices after %d ms, exit after %d ms%n",
                    noticesMillis, stopMillis);
            assertTrue(stopMillis < 5_000, "stop took " + stopMillis + " ms");
            assertFalse(Files.readString(install.root().resolve("run.log")).contains("still open after the grace time"));
        } finally {
            for (LineSession session : sessions) {
                session.close();
            }
            Installation.stop(server);
        }
    }

    /** A line client for the IMAP and SMTP sessions of {@link #manyIdleSessionsDoNotHoldTheStop}. */
    private static final class LineSession implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;

        private LineSession(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(30_000);
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        }

        static LineSession connect(int port) throws IOException {
            return new LineSession(new Socket(InetAddress.getLoopbackAddress(), port));
        }

        void send(String line) throws IOException {
            socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        /** Reads lines until one starts with {@code prefix}. */
        void expect(String prefix) throws IOException {
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IOException("closed while waiting for " + prefix);
                }
            } while (!line.startsWith(prefix));
        }

        String line() throws IOException {
            return in.readLine();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
