package org.tegami.core.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.tinylog.Logger;

/**
 * How many entries the queue holds ({@code queue/} and {@code active/}) and how old the oldest
 * is, for the metrics. Counting lists both folders and reads the modification time of each
 * message file (written once, at acceptance), so with a large queue it is not free: a count is
 * kept for {@code maxAge} and callers within that time get the cached one. Thread-safe.
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

    /** @param maxAge how long a count is reused before the folders are read again */
    public SpoolCensus(Spool spool, Duration maxAge) {
        this.spool = spool;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The current count, at most {@code maxAge} old. */
    public synchronized Count count() throws IOException {
        long now = System.nanoTime();
        if (cached == null || now - countedAt >= maxAgeNanos) {
            cached = countNow();
            countedAt = now;
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
                    try {
                        Instant arrival = Files.getLastModifiedTime(files.messages().resolve(id)).toInstant();
                        if (oldest == null || arrival.isBefore(oldest)) {
                            oldest = arrival;
                        }
                    } catch (NoSuchFileException e) {
                        // finished meanwhile
                    }
                }
            }
        }
        return new Count(entries, oldest);
    }
}
