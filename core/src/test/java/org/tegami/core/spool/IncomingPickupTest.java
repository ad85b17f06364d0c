package org.tegami.core.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;

class IncomingPickupTest {

    @TempDir
    Path dir;
    Spool spool;

    @BeforeEach
    void open() throws Exception {
        spool = new Spool(dir, new TestClock());
    }

    @AfterEach
    void close() {
        spool.close();
    }

    private QueueEntry pickUp(String content) throws Exception {
        Path tmp = dir.resolve("tmp/drop");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("incoming/drop"));
        assertEquals(1, spool.pickUpIncoming(Duration.ofMinutes(10)));
        assertFalse(Files.exists(dir.resolve("incoming/drop")));
        List<String> ids = spool.queuedIds();
        assertEquals(1, ids.size());
        return spool.peek(ids.get(0)).orElseThrow();
    }

    private String body(QueueEntry e) throws Exception {
        return Files.readString(dir.resolve("msg").resolve(e.id()), StandardCharsets.UTF_8);
    }

    @Test
    void envelopeLinesGiveSenderAndRecipientsAndAreRemoved() throws Exception {
        QueueEntry e = pickUp("X-Envelope-From: <bounce@example.com>\nX-Envelope-To: <b@localhost>\n"
                + "X-Envelope-To: c@localhost\nFrom: Someone <a@example.com>\nTo: x@localhost\nBcc: hidden@localhost\n\nbody\n");

        assertEquals("bounce@example.com", e.sender().toString());
        assertEquals(List.of("b@localhost", "c@localhost"),
                e.recipients().stream().map(r -> r.recipient().address().toString()).toList());
        assertEquals("From: Someone <a@example.com>\r\nTo: x@localhost\r\nBcc: hidden@localhost\r\n\r\nbody\r\n", body(e));
    }

    @Test
    void withoutEnvelopeLinesHeadersDecideAndBccIsRemoved() throws Exception {
        QueueEntry e = pickUp("From: \"Ann, A.\" <ann@example.com>\nTo: Bob <b@localhost>, c@localhost (Carl)\n"
                + "Cc: team: d@localhost, e@localhost;\nBcc: secret@localhost,\n  other@localhost\nSubject: hi\n\n"
                + "Bcc: this is body text\n");

        assertEquals("ann@example.com", e.sender().toString());
        assertEquals(List.of("b@localhost", "c@localhost", "d@localhost", "e@localhost", "secret@localhost",
                "other@localhost"), e.recipients().stream().map(r -> r.recipient().address().toString()).toList());
        String body = body(e);
        assertFalse(body.contains("secret@localhost"), body);
        assertTrue(body.endsWith("Subject: hi\r\n\r\nBcc: this is body text\r\n"), body);
    }

    @Test
    void pickUpIsIdempotentForTheSameFile() throws Exception {
        QueueEntry e = pickUp("X-Envelope-To: b@localhost\nFrom: a@example.com\n\nx\n");
        assertEquals(e.envelope().recipients(), List.of(Recipient.of(MailAddress.parse("b@localhost"))));
        assertTrue(e.id().startsWith("I"));
    }

    @Test
    void aTakenFileLeftBehindGoesWithItsEntrySoItIsNeverQueuedAgain() throws Exception {
        String content = "X-Envelope-To: <b@localhost>\nSubject: once\n\nbody\n";
        QueueEntry e = pickUp(content);
        // As if the pickup died after queueing the entry but before removing its taken file.
        Path taken = dir.resolve("incoming/." + e.id());
        Files.writeString(taken, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(taken, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-11-27T09:00:00Z")));

        spool.claim(e.id()).orElseThrow().finish(false); // delivered

        assertFalse(Files.exists(taken), "the taken file must not outlive its entry");
        assertEquals(0, spool.pickUpIncoming(Duration.ofMinutes(10)));
        assertEquals(List.of(), spool.queuedIds(), "queued a second time");
    }

    @Test
    void fileWithoutRecipientsIsMovedAsideNotDeleted() throws Exception {
        Files.writeString(dir.resolve("incoming/norcpt"), "From: a@example.com\nSubject: lost\n\nx\n");

        assertEquals(0, spool.pickUpIncoming(Duration.ofMinutes(10)));

        assertTrue(spool.queuedIds().isEmpty());
        try (var s = Files.list(dir.resolve("corrupt"))) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("incoming-")).count());
        }
    }

    @Test
    void incomingIsADropFolderEveryLocalUserMayWriteButNotList() throws Exception {
        assertEquals(01733, (Integer) Files.getAttribute(dir.resolve("incoming"), "unix:mode") & 07777);
    }

    @Test
    void fileStillBeingWrittenIsLeftAloneAndMovedAsideOnlyWhenAbandoned() throws Exception {
        Path unfinished = dir.resolve("incoming/" + SpoolFiles.DROP_PREFIX + "123.4.abc");
        Files.writeString(unfinished, "X-Envelope-To: b@localhost\n\nhalf");

        assertEquals(0, spool.pickUpIncoming(Duration.ofMinutes(10)));
        assertTrue(Files.exists(unfinished));

        Files.setLastModifiedTime(unfinished, FileTime.from(spool.clock().instant().minus(Duration.ofDays(2))));
        assertEquals(0, spool.pickUpIncoming(Duration.ofMinutes(10)));
        assertFalse(Files.exists(unfinished));
        assertTrue(spool.queuedIds().isEmpty());
        try (var s = Files.list(dir.resolve("corrupt"))) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void fileOfAnotherLocalUserIsTracedWithItsUid() throws Exception {
        Assumptions.assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "chown needs root");
        Path tmp = dir.resolve("tmp/drop");
        Files.writeString(tmp, "X-Envelope-From: <forged@example.com>\nX-Envelope-To: b@localhost\nSubject: s\n\nx\n");
        Files.setAttribute(tmp, "unix:uid", 4321);
        Files.move(tmp, dir.resolve("incoming/drop"));

        assertEquals(1, spool.pickUpIncoming(Duration.ofMinutes(10)));

        String body = body(spool.peek(spool.queuedIds().get(0)).orElseThrow());
        assertTrue(body.startsWith("Received: (from userid 4321)\r\n\tid I"), body);
        assertTrue(body.contains("; Fri, 27 Nov 2026 10:00:00 GMT\r\nSubject: s\r\n"), body);
    }

    @Test
    void fileOfTheSpoolsOwnUserCarriesNoTrace() throws Exception {
        QueueEntry e = pickUp("X-Envelope-To: b@localhost\nSubject: s\n\nx\n");
        assertTrue(body(e).startsWith("Subject: s\r\n"), body(e));
    }

    @Test
    void takesAFileWhoseTimeOnlyItsOwnerMaySet() throws Exception {
        // A file dropped by root's sendmail while the server runs as its own user: setting the
        // file's time fails with EPERM, which Java reports as a plain FileSystemException.
        IncomingPickup foreignFiles = new IncomingPickup(spool, spool.files(), (file, time) -> {
            throw new FileSystemException(file.toString(), null, "Operation not permitted");
        });
        try {
            Path tmp = dir.resolve("tmp/drop");
            Files.writeString(tmp, "X-Envelope-To: b@localhost\nFrom: root@localhost\n\ncron output\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve("incoming/drop"));

            assertEquals(1, foreignFiles.pickUpAll(Duration.ofMinutes(10)));
            assertEquals(0, foreignFiles.pickUpAll(Duration.ofMinutes(10)));

            assertFalse(Files.exists(dir.resolve("incoming/drop")));
            List<String> ids = spool.queuedIds();
            assertEquals(1, ids.size());
            assertTrue(body(spool.peek(ids.get(0)).orElseThrow()).endsWith("\r\ncron output\r\n"));
        } finally {
            foreignFiles.close();
        }
    }
}
