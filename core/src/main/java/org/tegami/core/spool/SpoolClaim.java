package org.tegami.core.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * One entry claimed by this worker: the envelope file lives in {@code active/<id>} while the
 * claim lasts. Every state change is written atomically (tmp, force, rename) before the
 * worker acts on it. Used by one thread, except {@link #refreshLease()}.
 */
public final class SpoolClaim {

    private final Spool spool;
    private final String id;
    private volatile QueueEntry entry;

    SpoolClaim(Spool spool, QueueEntry entry) {
        this.spool = spool;
        this.id = entry.id();
        this.entry = entry;
    }

    public String id() {
        return id;
    }

    /** The entry as last saved. */
    public QueueEntry entry() {
        return entry;
    }

    /** The message bytes, CRLF line ends. */
    public Path messageFile() {
        return spool.files().messages().resolve(id);
    }

    private Path envelopeFile() {
        return spool.files().active().resolve(id);
    }

    /** Persists a new state of the entry (also renews the lease). */
    public void save(QueueEntry updated) throws IOException {
        spool.files().replaceDurably(envelopeFile(), EntryCodec.format(updated));
        entry = updated;
    }

    /** Renews the lease so no other instance takes the entry back while we work. */
    public void refreshLease() {
        try {
            Files.setLastModifiedTime(envelopeFile(), FileTime.from(spool.clock().instant()));
        } catch (IOException e) {
            // released or finished meanwhile; nothing to renew
        }
    }

    /** Saves the entry and puts it back into {@code queue/} for a later attempt. */
    public void release(QueueEntry updated) throws IOException {
        save(updated);
        SpoolFiles.move(envelopeFile(), spool.files().queue().resolve(id));
        SpoolFiles.forceDirectory(spool.files().queue());
    }

    /**
     * Puts the entry back into {@code queue/} as last saved, without writing anything: for an
     * attempt that ended because the disk is full, where a save would fail too. The last saved
     * state is one the worker acted on only after saving it, so the next attempt repeats at
     * most what a lease takeover would repeat.
     */
    public void giveBack() throws IOException {
        SpoolFiles.move(envelopeFile(), spool.files().queue().resolve(id));
        SpoolFiles.forceDirectory(spool.files().queue());
    }

    /** Moves this entry and whatever is left of its message to {@code corrupt/}, with an ERROR log. */
    public void moveToCorrupt(String reason) throws IOException {
        spool.quarantine(envelopeFile(), envelopeFile() + ": " + reason);
    }

    /**
     * Removes the finished entry: the envelope first (the commit point), then the message;
     * a crash in between leaves an orphan message that {@link Spool#recover} removes.
     */
    public void finish() throws IOException {
        finish(true);
    }

    /**
     * @param durable whether the removal must survive a crash; when every step of the entry
     *     may run again harmlessly (Maildir deliveries find their copy), an entry that comes
     *     back after a crash costs a repeat, not a duplicate, and the fsync can be spared
     */
    public void finish(boolean durable) throws IOException {
        spool.dropTakenIncoming(id);
        try {
            Files.delete(envelopeFile());
        } catch (NoSuchFileException e) {
            return;
        }
        if (durable) {
            SpoolFiles.forceDirectory(spool.files().active());
        }
        // No fsync for the message's removal: should it come back after a crash, it is an
        // orphan without envelope, and recovery removes it.
        Files.deleteIfExists(messageFile());
    }
}
