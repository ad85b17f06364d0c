package org.tegami.core.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each crash state of docs/spool-states.md, built by hand, then recovered. */
class SpoolRecoveryTest {

    static final Duration LEASE = Duration.ofMinutes(10);

    @TempDir
    Path dir;
    TestClock clock = new TestClock();
    Spool spool;

    @BeforeEach
    void open() throws Exception {
        spool = new Spool(dir, clock);
    }

    @AfterEach
    void close() {
        spool.close();
    }

    private Path write(String relative, String text, Instant mtime) throws Exception {
        Path p = dir.resolve(relative);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(mtime));
        return p;
    }

    private String envelopeText(String id) {
        return EntryCodec.format(QueueEntry.accepted(id, SpoolTestSupport.envelope("a@example.com", "b@localhost"),
                clock.instant()));
    }

    @Test
    void halfWrittenTmpFilesAreRemovedAfterTheLeaseOnly() throws Exception {
        Path old = write("tmp/AAAAAAAA00000001.msg", "Subject: half", clock.instant().minus(Duration.ofHours(1)));
        Path young = write("tmp/AAAAAAAA00000002.msg", "Subject: being written", clock.instant());

        spool.recover(LEASE);

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(young), "a writer may still be busy with it");
    }

    @Test
    void messageWithoutEnvelopeWasNeverAcceptedAndGoesAfterTheLease() throws Exception {
        // crash between the two renames of a group commit: accept() had not returned
        Path orphan = write("msg/AAAAAAAA00000003", "Subject: x\r\n\r\n", clock.instant().minus(Duration.ofHours(1)));
        Path committing = write("msg/AAAAAAAA00000004", "Subject: y\r\n\r\n", clock.instant());

        spool.recover(LEASE);

        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(committing));
    }

    @Test
    void queuedEntryWithMessageIsKeptAsItIs() throws Exception {
        write("msg/AAAAAAAA00000005", "Subject: x\r\n\r\n", clock.instant().minus(Duration.ofDays(1)));
        write("queue/AAAAAAAA00000005", envelopeText("AAAAAAAA00000005"), clock.instant().minus(Duration.ofDays(1)));

        spool.recover(LEASE);

        assertEquals(List.of("AAAAAAAA00000005"), spool.queuedIds());
        assertTrue(Files.exists(dir.resolve("msg/AAAAAAAA00000005")));
        assertTrue(spool.claim("AAAAAAAA00000005").isPresent());
    }

    @Test
    void expiredClaimOfADeadInstanceIsTakenBackButALiveOneIsNot() throws Exception {
        write("msg/AAAAAAAA00000006", "Subject: x\r\n\r\n", clock.instant());
        write("active/AAAAAAAA00000006", envelopeText("AAAAAAAA00000006"), clock.instant().minus(Duration.ofMinutes(11)));
        write("msg/AAAAAAAA00000007", "Subject: y\r\n\r\n", clock.instant());
        write("active/AAAAAAAA00000007", envelopeText("AAAAAAAA00000007"), clock.instant().minus(Duration.ofMinutes(2)));

        spool.recover(LEASE);

        assertEquals(List.of("AAAAAAAA00000006"), spool.queuedIds());
        assertEquals(List.of("AAAAAAAA00000007"), spool.activeIds());
    }

    @Test
    void finishInterruptedAfterTheEnvelopeWentLeavesAnOrphanThatIsRemoved() throws Exception {
        Path msg = write("msg/AAAAAAAA00000008", "Subject: done\r\n\r\n", clock.instant().minus(Duration.ofHours(2)));

        spool.recover(LEASE);

        assertFalse(Files.exists(msg));
        assertTrue(spool.queuedIds().isEmpty());
    }

    @Test
    void incomingFileQueuedButNotYetRemovedIsNotQueuedTwice() throws Exception {
        Path in = write("incoming/job1", "X-Envelope-From: <a@example.com>\nX-Envelope-To: <b@localhost>\n\nhello\n",
                clock.instant());
        String id = QueueIds.forIncoming("job1", Files.size(in), Files.getLastModifiedTime(in).toMillis());
        write("msg/" + id, "hello\r\n", clock.instant());
        write("queue/" + id, envelopeText(id), clock.instant());

        assertEquals(0, spool.pickUpIncoming(LEASE));

        assertEquals(List.of(id), spool.queuedIds());
        assertFalse(Files.exists(in));
        try (var s = Files.list(dir.resolve("incoming"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void incomingFileTakenByADeadProcessIsPickedUpAfterTheLease() throws Exception {
        String id = QueueIds.forIncoming("job2", 10, 1000);
        Path taken = write("incoming/." + id, "X-Envelope-To: <b@localhost>\nFrom: a@example.com\n\nhi\n",
                clock.instant().minus(Duration.ofMinutes(1)));

        assertEquals(0, spool.pickUpIncoming(LEASE), "the taker may still be working on it");
        assertTrue(Files.exists(taken));

        clock.advance(Duration.ofMinutes(15));
        assertEquals(1, spool.pickUpIncoming(LEASE));
        assertEquals(List.of(id), spool.queuedIds());
        assertFalse(Files.exists(taken));
    }
}
