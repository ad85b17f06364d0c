package org.tegami.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.core.spool.QueueEntry;
import org.tegami.core.spool.Spool;
import org.tegami.core.spool.TestClock;

class SendmailCommandTest {

    @TempDir
    Path root;
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void conf() throws Exception {
        Files.createDirectories(root.resolve("conf"));
        Files.writeString(root.resolve("conf/tegami.conf"), "# test\nhostname = mx.test\nspool.dir = data/spool\n");
    }

    private int sendmail(String stdin, String... args) {
        List<String> argv = new ArrayList<>(List.of("--conf", root.resolve("conf").toString(), "sendmail"));
        argv.addAll(List.of(args));
        CliContext ctx = new CliContext(Path.of("conf"), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        return Main.run(argv, ctx);
    }

    private Path onlyIncomingFile() throws Exception {
        try (var s = Files.list(root.resolve("data/spool/incoming"))) {
            List<Path> files = s.toList();
            assertEquals(1, files.size(), files.toString());
            return files.get(0);
        }
    }

    /** Picks the dropped file up the way the daemon does and returns the queued entry and message. */
    private QueueEntry pickUp() throws Exception {
        try (Spool spool = new Spool(root.resolve("data/spool"), new TestClock())) {
            assertEquals(1, spool.pickUpIncoming(Duration.ofMinutes(10)));
            return spool.peek(spool.queuedIds().get(0)).orElseThrow();
        }
    }

    private String queuedMessage(QueueEntry e) throws Exception {
        return Files.readString(root.resolve("data/spool/msg").resolve(e.id()));
    }

    @Test
    void recipientsFromArgumentsAndSenderFromDashF() throws Exception {
        int rc = sendmail("Subject: hi\n\nline\n.\nafter the dot\n", "-f", "app@example.com", "ann@localhost", "bob");

        assertEquals(ExitCodes.OK, rc, err.toString());
        String file = Files.readString(onlyIncomingFile());
        assertTrue(file.startsWith("X-Envelope-From: <app@example.com>\nX-Envelope-To: <ann@localhost>\n"
                + "X-Envelope-To: <bob@mx.test>\n"), file);
        QueueEntry e = pickUp();
        assertEquals("app@example.com", e.sender().toString());
        String msg = queuedMessage(e);
        assertTrue(msg.contains("\r\nFrom: <app@example.com>\r\n"), msg);
        assertTrue(msg.contains("Message-ID: <") && msg.contains("@mx.test>\r\n"), msg);
        assertTrue(msg.startsWith("Date: "), msg);
        assertTrue(msg.endsWith("Subject: hi\r\n\r\nline\r\n"), "a lone dot ends the message without -i: " + msg);
    }

    @Test
    void dashIKeepsLinesWithASingleDotAndFullNameGoesIntoFrom() throws Exception {
        int rc = sendmail("Subject: x\n\n.\nmore\n", "-oi", "-F", "Ann Example", "-fann@example.com", "b@localhost");

        assertEquals(ExitCodes.OK, rc, err.toString());
        String msg = queuedMessage(pickUp());
        assertTrue(msg.endsWith("\r\n\r\n.\r\nmore\r\n"), msg);
        assertTrue(msg.contains("From: \"Ann Example\" <ann@example.com>\r\n"), msg);
    }

    @Test
    void dashTTakesRecipientsFromHeadersAndRemovesBcc() throws Exception {
        int rc = sendmail("From: me@example.com\nDate: Fri, 27 Nov 2026 10:00:00 +0000\nMessage-ID: <a@b>\n"
                + "To: ann@localhost\nBcc: secret@localhost\n\nbody\n", "-t", "-i", "extra@localhost");

        assertEquals(ExitCodes.OK, rc, err.toString());
        QueueEntry e = pickUp();
        assertEquals(List.of("extra@localhost", "ann@localhost", "secret@localhost"),
                e.recipients().stream().map(r -> r.recipient().address().toString()).toList());
        String msg = queuedMessage(e);
        assertFalse(msg.contains("secret"), msg);
        assertEquals("From: me@example.com\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <a@b>\r\n"
                + "To: ann@localhost\r\n\r\nbody\r\n", msg);
    }

    @Test
    void usageErrorsGetSysexitsCodes() throws Exception {
        assertEquals(ExitCodes.USAGE, sendmail("Subject: x\n\nbody\n"));
        assertEquals(ExitCodes.USAGE, sendmail("Subject: x\n\nbody\n", "-t"));
        assertEquals(ExitCodes.USAGE, sendmail("x", "-X", "a@localhost"));
        assertEquals(ExitCodes.DATA_ERROR, sendmail("x", "a@@"));
        assertFalse(Files.exists(root.resolve("data/spool/incoming")) && Files.list(root.resolve("data/spool/incoming"))
                .findAny().isPresent());
    }
}
