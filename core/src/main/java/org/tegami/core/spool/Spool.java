package org.tegami.core.spool;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.tegami.api.Envelope;
import org.tegami.api.InsufficientStorageException;
import org.tegami.api.Intake;
import org.tegami.core.fs.StorageErrors;
import org.tegami.core.metrics.MessageSource;
import org.tegami.core.metrics.ServerMetrics;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The queue over one spool directory (layout and states: {@code docs/spool-states.md}).
 * {@link #accept} is the durable front door with group commit; {@link #claim} hands an entry
 * to one worker of one process at a time; {@link #recover} takes back expired claims and
 * clears leftovers of crashes. Thread-safe; several processes may share one directory.
 */
public final class Spool implements Intake, AutoCloseable {

    private static final TaggedLogger LOG = Logger.tag("queue");

    private final SpoolFiles files;
    private final Clock clock;
    private final GroupCommitter committer;
    private final IncomingPickup incoming;
    private final ServerMetrics metrics;

    /** Opens (creating if needed) the spool at {@code directory}; starts the commit thread. */
    public Spool(Path directory, Clock clock) throws IOException {
        this(directory, clock, ServerMetrics.unexported());
    }

    /** Like {@link #Spool(Path, Clock)}, counting accepted messages in {@code metrics}. */
    public Spool(Path directory, Clock clock, ServerMetrics metrics) throws IOException {
        this.files = new SpoolFiles(directory).create();
        this.clock = clock;
        this.metrics = metrics;
        this.committer = new GroupCommitter(files);
        this.incoming = new IncomingPickup(this, files);
    }

    public SpoolFiles files() {
        return files;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public String accept(Envelope envelope, InputStream message) throws IOException {
        try {
            return store(QueueIds.next(clock.instant()), envelope, message, MessageSource.of(envelope.origin()));
        } catch (IOException e) {
            if (StorageErrors.isFull(e) && !(e instanceof InsufficientStorageException)) {
                throw new InsufficientStorageException("the spool's disk is full", e);
            }
            throw e;
        }
    }

    /**
     * Stores a message under a given id unless an entry with that id exists already (then
     * the message is not read and nothing changes): intake and bounces use derived ids so
     * that doing the same work twice after a crash queues it once.
     *
     * @param source what made the message, for the metrics
     * @return whether a new entry was made
     */
    public boolean acceptOnce(String id, Envelope envelope, InputStream message, MessageSource source)
            throws IOException {
        if (exists(id)) {
            return false;
        }
        store(id, envelope, message, source);
        return true;
    }

    /** Whether {@code id} is queued or claimed. */
    public boolean exists(String id) {
        // An entry moves between queue/ and active/ by rename at any time (claims, releases,
        // other instances): looking at queue/ again after active/ sees one that moved back
        // between the first two looks, so a live entry is never taken for an orphan.
        Path queued = files.queue().resolve(id);
        return Files.exists(queued) || Files.exists(files.active().resolve(id)) || Files.exists(queued);
    }

    private String store(String id, Envelope envelope, InputStream message, MessageSource source)
            throws IOException {
        Instant arrival = clock.instant();
        // Writer-unique tmp names: two instances may store the same derived id at once.
        String unique = id + "." + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        Path tmpMessage = files.tmp().resolve(unique + ".msg");
        Path tmpEnvelope = files.tmp().resolve(unique + ".env");
        long size;
        try {
            try (FileChannel ch = FileChannel.open(tmpMessage, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                size = message.transferTo(out);
                ch.force(true);
            }
            QueueEntry entry = QueueEntry.accepted(id, envelope, arrival, size);
            SpoolFiles.writeForced(tmpEnvelope, EntryCodec.format(entry).getBytes(StandardCharsets.UTF_8));
            committer.submit(id, tmpMessage, tmpEnvelope).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while committing " + id);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmpMessage);
            Files.deleteIfExists(tmpEnvelope);
            throw e;
        }
        metrics.accepted(source);
        LOG.info("{}: from={} size={} nrcpt={} ({})", id, envelope.sender().bracketed(), size,
                envelope.recipients().size(), envelope.origin().protocol());
        return id;
    }

    /** Ids of entries waiting in {@code queue/} (not claimed), in no particular order. */
    public List<String> queuedIds() throws IOException {
        return ids(files.queue());
    }

    /** The modification time of a queued entry's file, or {@code null} if it is not queued. */
    public FileTime modified(String id) {
        try {
            return Files.getLastModifiedTime(files.queue().resolve(id));
        } catch (IOException e) {
            return null;
        }
    }

    /** Ids of claimed entries in {@code active/}. */
    public List<String> activeIds() throws IOException {
        return ids(files.active());
    }

    private static List<String> ids(Path dir) throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (QueueIds.VALID.matcher(name).matches()) {
                    ids.add(name);
                }
            }
        }
        return ids;
    }

    /**
     * Reads a queued entry without claiming it (the scheduler's look). A damaged file is moved
     * to {@code corrupt/}; an entry claimed or removed meanwhile gives empty.
     */
    public Optional<QueueEntry> peek(String id) throws IOException {
        return read(files.queue().resolve(id));
    }

    Optional<QueueEntry> read(Path envelopeFile) throws IOException {
        String text;
        try {
            text = Files.readString(envelopeFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (java.nio.charset.MalformedInputException e) {
            quarantine(envelopeFile, envelopeFile + ": not UTF-8 text");
            return Optional.empty();
        }
        try {
            QueueEntry entry = EntryCodec.parse(text, envelopeFile);
            if (!entry.id().equals(envelopeFile.getFileName().toString())) {
                throw new CorruptEntryException(envelopeFile + ": names id " + entry.id());
            }
            return Optional.of(entry);
        } catch (CorruptEntryException e) {
            quarantine(envelopeFile, e.getMessage());
            return Optional.empty();
        }
    }

    /** Moves a damaged envelope file and its message to {@code corrupt/}; never deletes. */
    void quarantine(Path envelopeFile, String reason) throws IOException {
        String id = envelopeFile.getFileName().toString();
        try {
            SpoolFiles.move(envelopeFile, files.corrupt().resolve(id + ".env"));
        } catch (NoSuchFileException e) {
            return;
        }
        Path message = files.messages().resolve(id);
        if (Files.exists(message)) {
            SpoolFiles.move(message, files.corrupt().resolve(id + ".msg"));
        }
        SpoolFiles.forceDirectory(files.corrupt());
        LOG.error("{}: moved to {}: {}", id, files.corrupt(), reason);
    }

    /**
     * Claims an entry for delivery by renaming it from {@code queue/} to {@code active/}.
     * Only one caller in any process wins; the others get empty.
     */
    public Optional<SpoolClaim> claim(String id) throws IOException {
        Path queued = files.queue().resolve(id);
        Path active = files.active().resolve(id);
        try {
            // Fresh mtime before the rename: the claim's lease starts with a current time,
            // so a recovering instance never mistakes a brand-new claim for an expired one.
            Files.setLastModifiedTime(queued, FileTime.from(clock.instant()));
            if (Files.exists(active)) {
                return Optional.empty();
            }
            SpoolFiles.move(queued, active);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Optional<QueueEntry> entry = read(active);
        return entry.map(e -> new SpoolClaim(this, e));
    }

    /**
     * Crash recovery, run at start and on every rescan: claims whose lease expired go back to
     * {@code queue/}; message files without an envelope and tmp files older than the lease
     * (left by a process that died mid-write) are removed.
     */
    public void recover(Duration lease) throws IOException {
        Instant expired = clock.instant().minus(lease);
        for (String id : activeIds()) {
            Path active = files.active().resolve(id);
            try {
                if (Files.getLastModifiedTime(active).toInstant().isBefore(expired)) {
                    if (!Files.exists(files.queue().resolve(id))) {
                        SpoolFiles.move(active, files.queue().resolve(id));
                        SpoolFiles.forceDirectory(files.queue());
                        LOG.warn("{}: claim expired, taken back for delivery", id);
                    }
                }
            } catch (NoSuchFileException e) {
                // finished or released meanwhile
            }
        }
        removeStale(files.tmp(), expired, false);
        removeStale(files.messages(), expired, true);
    }

    private void removeStale(Path dir, Instant olderThan, boolean onlyOrphans) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                try {
                    String name = p.getFileName().toString();
                    if (onlyOrphans && (exists(name) || !QueueIds.VALID.matcher(name).matches())) {
                        continue;
                    }
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(olderThan)) {
                        Files.deleteIfExists(p);
                        LOG.info("removed leftover {}", p);
                    }
                } catch (NoSuchFileException e) {
                    // gone meanwhile
                }
            }
        }
    }

    /**
     * Removes {@code incoming/.<id>}, the file an entry was queued from, should a pickup have
     * died (or not yet come round) between queueing it and removing it. Called before the entry
     * itself is removed: a taken file that outlived its entry would be taken over after the lease
     * and queued again, and the message, by then delivered, would arrive a second time.
     */
    void dropTakenIncoming(String id) throws IOException {
        if (!id.startsWith("I")) {
            return; // only ids derived from incoming files start with I (the others are hex)
        }
        if (Files.deleteIfExists(files.incoming().resolve("." + id))) {
            SpoolFiles.forceDirectory(files.incoming());
            LOG.info("{}: removed the incoming file it was queued from", id);
        }
    }

    /** Picks up every file in {@code incoming/} (and ones a dead process took longer than {@code lease} ago); returns how many were queued. */
    public int pickUpIncoming(Duration lease) throws IOException {
        return incoming.pickUpAll(lease);
    }

    /** How many group commits ran (each forces the two directories once). */
    long commitBatches() {
        return committer.batches();
    }

    /** Stops the commit thread; pending accepts fail with an IOException. */
    @Override
    public void close() {
        incoming.close();
        committer.close();
    }
}
