package org.tegami.core.spool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tegami.api.Envelope;
import org.tegami.api.Recipient;
import org.tegami.core.metrics.MessageSource;
import org.tinylog.Logger;

/**
 * Queues the files dropped into {@code incoming/}. A file is first taken by renaming it to
 * {@code incoming/.<id>} where the id is derived from its name, size and mtime: only one
 * process wins the rename, and a re-run after a crash (taken file still there, or entry
 * queued but file not yet removed) finds the same id and queues nothing twice.
 */
final class IncomingPickup {

    /** Sets a file's modification time; {@link Files#setLastModifiedTime} but in tests. */
    @FunctionalInterface
    interface TimeStamper {
        void stamp(Path file, FileTime time) throws IOException;
    }

    private final Spool spool;
    private final SpoolFiles files;
    private final TimeStamper stamper;
    private static final int PARALLEL = 16;
    private static final Duration ABANDONED = Duration.ofDays(1);
    private final ExecutorService workers;

    IncomingPickup(Spool spool, SpoolFiles files) {
        this(spool, files, Files::setLastModifiedTime);
    }

    IncomingPickup(Spool spool, SpoolFiles files, TimeStamper stamper) {
        this.spool = spool;
        this.files = files;
        this.stamper = stamper;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "spool-incoming-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int pickUpAll(Duration lease) throws IOException {
        List<Path> taken = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(files.incoming())) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.startsWith(SpoolFiles.DROP_PREFIX)) {
                    moveAsideIfAbandoned(p);
                } else if (name.startsWith(".")) {
                    // taken by a process that died before finishing: ours after the lease
                    if (QueueIds.VALID.matcher(name.substring(1)).matches() && isOlder(p, lease)) {
                        taken.add(p);
                    }
                } else if (Files.isRegularFile(p)) {
                    take(p).ifPresent(taken::add);
                }
            }
        }
        // Queue the files side by side so that their commits share fsyncs (group commit);
        // one after the other, each would wait for a commit of its own.
        List<Future<Boolean>> results = new ArrayList<>();
        for (Path p : taken) {
            results.add(workers.submit(() -> queue(p)));
        }
        int queued = 0;
        for (Future<Boolean> r : results) {
            try {
                if (r.get()) {
                    queued++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while queueing incoming files");
            } catch (ExecutionException e) {
                Logger.tag("queue").error("incoming file not queued: {}", e.getCause().toString());
            }
        }
        return queued;
    }

    /** Stops the threads that queue incoming files. */
    void close() {
        workers.shutdownNow();
    }

    /**
     * A file a submitter began but never renamed (it died, or a crash lost its rename) is
     * moved to {@code corrupt/} after a day, where the operator can look at it: never deleted.
     */
    private void moveAsideIfAbandoned(Path p) throws IOException {
        if (isOlder(p, ABANDONED)) {
            Path aside = files.corrupt().resolve("incoming" + p.getFileName());
            SpoolFiles.move(p, aside);
            Logger.tag("queue").warn("unfinished incoming file {} moved to {}", p, aside);
        }
    }

    private boolean isOlder(Path p, Duration lease) throws IOException {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(spool.clock().instant().minus(lease));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private Optional<Path> take(Path p) throws IOException {
        try {
            String id = QueueIds.forIncoming(p.getFileName().toString(), Files.size(p),
                    Files.getLastModifiedTime(p).toMillis());
            Path target = files.incoming().resolve("." + id);
            if (Files.exists(target)) {
                return Optional.empty();
            }
            stampTaken(p);
            SpoolFiles.move(p, target);
            return Optional.of(target);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Stamps a file with the time it is taken: a taken file's lease runs from its mtime. Only a
     * file's owner may set its times (utimensat(2) fails with EPERM for anyone else), and a file
     * dropped by another account, such as root's sendmail run by cron, is not the server's: it
     * is taken with the time it was written. Should its lease then look over early, a second
     * taker derives the same queue id and the spool accepts an id once, so nothing is queued
     * twice.
     */
    private void stampTaken(Path p) throws IOException {
        try {
            stamper.stamp(p, FileTime.from(spool.clock().instant()));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (FileSystemException e) {
            Logger.tag("queue").debug("{}: taken without a new time stamp: {}", p.getFileName(), e.getMessage());
        }
    }

    private boolean queue(Path taken) throws IOException {
        String id = taken.getFileName().toString().substring(1);
        boolean made = false;
        if (!spool.exists(id)) {
            byte[] raw;
            try {
                raw = Files.readAllBytes(taken);
            } catch (NoSuchFileException e) {
                return false;
            }
            IncomingMessage m;
            try {
                m = IncomingMessage.parse(raw);
                if (m.recipients().isEmpty()) {
                    throw new IllegalArgumentException("no recipients (no X-Envelope-To, To, Cc or Bcc)");
                }
            } catch (IllegalArgumentException e) {
                Path aside = files.corrupt().resolve("incoming-" + id);
                SpoolFiles.move(taken, aside);
                SpoolFiles.forceDirectory(files.corrupt());
                Logger.tag("queue").error("incoming file {} moved to {}: {}", taken, aside, e.getMessage());
                return false;
            }
            if (m.sender().isNullSender()) {
                Logger.tag("queue").warn("{}: incoming file has no sender (no X-Envelope-From, no From:)", id);
            }
            Envelope env = new Envelope(m.sender(), m.recipients().stream().map(Recipient::of).toList(),
                    java.util.Map.of(), Envelope.Origin.LOCAL);
            byte[] message = LocalSubmitter.of(taken)
                    .map(uid -> LocalSubmitter.trace(uid, id, spool.clock(), m.message()))
                    .orElse(m.message());
            made = spool.acceptOnce(id, env, new ByteArrayInputStream(message), MessageSource.INCOMING);
        }
        Files.deleteIfExists(taken);
        SpoolFiles.forceDirectory(files.incoming());
        return made;
    }
}
