package org.tegami.core.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** Accepts a message and dates its message file, which is what the census reads as arrival. */
    private String acceptedAgo(Duration age) throws Exception {
        String id = SpoolTestSupport.accept(spool, "m", "a@example.com", "b@localhost");
        Files.setLastModifiedTime(dir.resolve("msg").resolve(id), FileTime.from(clock.instant().minus(age)));
        return id;
    }

    @Test
    void anEmptyQueueHasNoEntriesAndAgeZero() {
        SpoolCensus census = new SpoolCensus(spool, Duration.ZERO);
        assertEquals(0, census.entries());
        assertEquals(0, census.oldestAgeSeconds());
    }

    @Test
    void countsWaitingAndClaimedEntriesAndFindsTheOldest() throws Exception {
        acceptedAgo(Duration.ofMinutes(1));
        String oldest = acceptedAgo(Duration.ofMinutes(10));
        acceptedAgo(Duration.ofMinutes(5));
        assertTrue(spool.claim(oldest).isPresent(), "claimed entries count too");
        Files.writeString(dir.resolve("queue/not-an-id"), "junk");

        SpoolCensus census = new SpoolCensus(spool, Duration.ZERO);

        assertEquals(3, census.entries());
        assertEquals(600, census.oldestAgeSeconds(), 0.001);
        assertEquals(new SpoolCensus.Count(3, clock.instant().minus(Duration.ofMinutes(10))), census.count());
    }

    @Test
    void aCountIsReusedForItsMaxAge() throws Exception {
        acceptedAgo(Duration.ofSeconds(30));
        SpoolCensus cached = new SpoolCensus(spool, Duration.ofHours(1));
        SpoolCensus fresh = new SpoolCensus(spool, Duration.ZERO);
        assertEquals(1, cached.entries());

        acceptedAgo(Duration.ofSeconds(90));

        assertEquals(1, cached.entries(), "within its max age the first count is kept");
        assertEquals(2, fresh.entries());
        assertEquals(90, fresh.oldestAgeSeconds(), 0.001);
    }

    @Test
    void theAgeGrowsWithTheClockWhileTheCountIsCached() throws Exception {
        acceptedAgo(Duration.ofSeconds(10));
        SpoolCensus census = new SpoolCensus(spool, Duration.ofHours(1));
        assertEquals(10, census.oldestAgeSeconds(), 0.001);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(15, census.oldestAgeSeconds(), 0.001);
        assertEquals(Instant.parse("2026-11-27T09:59:50Z"), census.count().oldestArrival());
    }
}
