package org.tegami.core.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * How many entries the queue holds ({@code queue/} and {@code active/}) and how old the oldest
 * is, for the metrics. Arrival is read from the id where it holds one ({@link QueueIds#madeAt}),
 * else from the message file's modification time (written once, at acceptance). Counting lists
 * both folders, which with a large queue is not free (about a second for 100,000 entries on a
 * small machine), so a count is reused for {@code maxAge}, or for ten times as long as the last
 * count took if that is longer: scraping can never keep more than a tenth of a core busy.
 * Thread-safe.
 */
public final class SpoolCensus {

    /**
     * One count.
     *
     * @param entries entries waiting or claimed (one moving between the folders at that very
     *     moment may be counted twice or not at all)
     * @param oldestArrival when the oldest of them was accepted, or null when there are none
     */
    public record Count(long entries, Instant oldestArrival) {
    }

    private final Spool spool;
    private final long maxAgeNanos;
    private Count cached;
    private long countedAt;
    private long reuseNanos;

    /** @param maxAge how long a count is reused at least before the folders are read again */
    public SpoolCensus(Spool spool, Duration maxAge) {
        this.spool = spool;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The current count, reused while it is recent enough. */
    public synchronized Count count() throws IOException {
        long start = System.nanoTime();
        if (cached == null || start - countedAt >= reuseNanos) {
            cached = countNow();
            countedAt = start;
            reuseNanos = Math.max(maxAgeNanos, 10 * (System.nanoTime() - start));
        }
        return cached;
    }

    /** The number of entries, or NaN when the spool cannot be read. */
    public double entries() {
        try {
            return count().entries();
        } catch (IOException e) {
            Logger.tag("queue").warn("cannot count the queue: {}", e.toString());
            return Double.NaN;
        }
    }

    /** Seconds since the oldest entry arrived, 0 when the queue is empty, NaN when unreadable. */
    public double oldestAgeSeconds() {
        try {
            Instant oldest = count().oldestArrival();
            if (oldest == null) {
                return 0;
            }
            return Math.max(0, Duration.between(oldest, spool.clock().instant()).toMillis() / 1000.0);
        } catch (IOException e) {
            Logger.tag("queue").warn("cannot count the queue: {}", e.toString());
            return Double.NaN;
        }
    }

    private Count countNow() throws IOException {
        SpoolFiles files = spool.files();
        Instant now = spool.clock().instant();
        long entries = 0;
        Instant oldest = null;
        for (Path dir : new Path[] {files.queue(), files.active()}) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    String id = p.getFileName().toString();
                    if (!QueueIds.VALID.matcher(id).matches()) {
                        continue;
                    }
                    entries++;
                    Optional<Instant> arrival = arrival(files, id, now);
                    if (arrival.isPresent() && (oldest == null || arrival.get().isBefore(oldest))) {
                        oldest = arrival.get();
                    }
                }
            }
        }
        return new Count(entries, oldest);
    }

    private static Optional<Instant> arrival(SpoolFiles files, String id, Instant now) throws IOException {
        Optional<Instant> fromId = QueueIds.madeAt(id, now);
        if (fromId.isPresent()) {
            return fromId;
        }
        try {
            return Optional.of(Files.getLastModifiedTime(files.messages().resolve(id)).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty(); // finished meanwhile
        }
    }
}
