package org.tegami.core.spool;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.tinylog.Logger;

/**
 * Operator functions over the spool files, without a running daemon: list, flush, delete.
 * Changes go through the same claim protocol as delivery, so they are safe while a daemon
 * runs; a running daemon sees flushed entries through its watch or rescan.
 */
public final class SpoolAdmin {

    /**
     * One entry as listed.
     *
     * @param entry the parsed envelope file
     * @param size the message size in bytes
     * @param claimed whether a worker is delivering it right now
     */
    public record Listed(QueueEntry entry, long size, boolean claimed) {
    }

    /** What {@link #delete} found. */
    public enum DeleteResult {
        DELETED, NOT_FOUND, BUSY
    }

    private final Spool spool;

    public SpoolAdmin(Spool spool) {
        this.spool = spool;
    }

    /** Convenience for the command line: a spool on {@code dir} with the system clock. */
    public static SpoolAdmin open(Path dir) throws IOException {
        return new SpoolAdmin(new Spool(dir, Clock.systemUTC()));
    }

    /** Every entry, oldest first. */
    public List<Listed> list() throws IOException {
        List<Listed> out = new ArrayList<>();
        collect(spool.files().queue(), false, out);
        collect(spool.files().active(), true, out);
        out.sort(Comparator.comparing((Listed l) -> l.entry().arrival()).thenComparing(l -> l.entry().id()));
        return out;
    }

    private void collect(Path dir, boolean claimed, List<Listed> out) throws IOException {
        for (String id : claimed ? spool.activeIds() : spool.queuedIds()) {
            Optional<QueueEntry> e = spool.read(dir.resolve(id));
            if (e.isPresent()) {
                Path msg = spool.files().messages().resolve(id);
                out.add(new Listed(e.get(), Files.exists(msg) ? Files.size(msg) : -1, claimed));
            }
        }
    }

    /**
     * What lies in {@code corrupt/}: the queue ids of damaged entries (their {@code .env} and
     * {@code .msg} counted once) and {@code incoming-<id>} for unreadable incoming files, sorted.
     */
    public List<String> damaged() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(spool.files().corrupt())) {
            for (Path p : s) {
                names.add(p.getFileName().toString().replaceFirst("\\.(env|msg)$", ""));
            }
        }
        return new ArrayList<>(names);
    }

    /** Makes every deferred recipient due now; returns how many entries changed. */
    public int flush() throws IOException {
        int n = 0;
        for (String id : spool.queuedIds()) {
            Optional<SpoolClaim> claim = spool.claim(id);
            if (claim.isEmpty()) {
                continue;
            }
            QueueEntry e = claim.get().entry();
            QueueEntry due = e.dueAt(spool.clock().instant());
            claim.get().release(due);
            if (!due.equals(e)) {
                n++;
            }
        }
        return n;
    }

    /** Removes an entry and its message without delivering or bouncing it. */
    public DeleteResult delete(String id) throws IOException {
        if (!QueueIds.VALID.matcher(id).matches()) {
            return DeleteResult.NOT_FOUND;
        }
        Optional<SpoolClaim> claim = spool.claim(id);
        if (claim.isEmpty()) {
            return Files.exists(spool.files().active().resolve(id)) ? DeleteResult.BUSY : DeleteResult.NOT_FOUND;
        }
        claim.get().finish();
        Logger.tag("queue").info("{}: removed by the operator", id);
        return DeleteResult.DELETED;
    }

    /** Stops the spool's commit thread. */
    public void close() {
        spool.close();
    }
}
