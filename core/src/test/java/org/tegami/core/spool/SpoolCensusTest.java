package org.tegami.core.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.core.metrics.MessageSource;

class SpoolCensusTest {

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

    private String accept() throws Exception {
        return SpoolTestSupport.accept(spool, "m", "a@example.com", "b@localhost");
    }

    @Test
    void anEmptyQueueHasNoEntriesAndAgeZero() {
        SpoolCensus census = new SpoolCensus(spool, Duration.ZERO);
        assertEquals(0, census.entries());
        assertEquals(0, census.oldestAgeSeconds());
    }

    @Test
    void countsWaitingAndClaimedEntriesAndFindsTheOldest() throws Exception {
        Instant start = clock.instant();
        String oldest = accept();
        clock.advance(Duration.ofMinutes(5));
        accept();
        clock.advance(Duration.ofMinutes(5));
        accept();
        assertTrue(spool.claim(oldest).isPresent(), "claimed entries count too");
        Files.writeString(dir.resolve("queue/not-an-id"), "junk");

        SpoolCensus census = new SpoolCensus(spool, Duration.ZERO);

        assertEquals(3, census.entries());
        assertEquals(600, census.oldestAgeSeconds(), 0.001);
        assertEquals(new SpoolCensus.Count(3, start), census.count());
    }

    @Test
    void derivedIdsAreDatedByTheirMessageFile() throws Exception {
        accept();
        String bounce = QueueIds.bounceOf("6B0954A000000000");
        spool.acceptOnce(bounce, SpoolTestSupport.envelope("a@example.com", "b@localhost"),
                new ByteArrayInputStream(new byte[0]), MessageSource.BOUNCE);
        Files.setLastModifiedTime(dir.resolve("msg").resolve(bounce),
                FileTime.from(clock.instant().minus(Duration.ofMinutes(20))));

        SpoolCensus census = new SpoolCensus(spool, Duration.ZERO);

        assertEquals(2, census.entries());
        assertEquals(1200, census.oldestAgeSeconds(), 0.001);
    }

    @Test
    void freshIdsTellWhenTheyWereMadeAndDerivedOnesDoNot() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertEquals(Optional.of(now), QueueIds.madeAt(QueueIds.next(now), now));
        assertEquals(Optional.empty(), QueueIds.madeAt(QueueIds.bounceOf("6B0954A000000000"), now));
        assertEquals(Optional.empty(), QueueIds.madeAt(QueueIds.forIncoming("drop", 10, 0), now));
        assertEquals(Optional.empty(), QueueIds.madeAt("DEADBEEF00", now));
    }

    @Test
    void aCountIsReusedForItsMaxAge() throws Exception {
        accept();
        SpoolCensus cached = new SpoolCensus(spool, Duration.ofHours(1));
        SpoolCensus fresh = new SpoolCensus(spool, Duration.ZERO);
        assertEquals(1, cached.entries());

        accept();

        assertEquals(1, cached.entries(), "within its max age the first count is kept");
        assertEquals(2, fresh.entries());
    }

    @Test
    void theAgeGrowsWithTheClockWhileTheCountIsCached() throws Exception {
        Instant start = clock.instant();
        accept();
        SpoolCensus census = new SpoolCensus(spool, Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(10, census.oldestAgeSeconds(), 0.001);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(15, census.oldestAgeSeconds(), 0.001);
        assertEquals(start, census.count().oldestArrival());
    }
}
