package org.tegami.core.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.tinylog.Logger;

/**
 * Publishes accepted messages in batches: one thread takes every pending commit, renames
 * all message files into {@code msg/}, forces that directory once, links all envelope files
 * into {@code queue/} (the commit point), forces that directory once, then wakes all
 * waiters. Sessions that arrive while a batch is being forced share the next one, so N
 * concurrent accepts cost about two directory fsyncs instead of 2N.
 */
final class GroupCommitter implements AutoCloseable {

    /** One accept waiting to be published; its tmp files are already forced. */
    record Commit(String id, Path tmpMessage, Path tmpEnvelope, CompletableFuture<Void> done) {
    }

    private static final Commit STOP = new Commit("", null, null, null);

    private final SpoolFiles files;
    private final BlockingQueue<Commit> pending = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();

    GroupCommitter(SpoolFiles files) {
        this.files = files;
        this.thread = new Thread(this::run, "spool-commit");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a commit; the future completes once it is durable in {@code queue/}. */
    CompletableFuture<Void> submit(String id, Path tmpMessage, Path tmpEnvelope) throws IOException {
        if (closed) {
            throw new IOException("spool is closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(new Commit(id, tmpMessage, tmpEnvelope, done));
        return done;
    }

    private void run() {
        List<Commit> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(pending.take());
            } catch (InterruptedException e) {
                return;
            }
            pending.drainTo(batch);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                publish(batch);
            }
            batch.clear();
            if (stop) {
                failRemaining();
                return;
            }
        }
    }

    private void publish(List<Commit> batch) {
        // Each commit succeeds or fails alone: one bad file must not undo the others.
        List<Commit> moved = new ArrayList<>();
        for (Commit c : batch) {
            try {
                SpoolFiles.move(c.tmpMessage(), files.messages().resolve(c.id()));
                moved.add(c);
            } catch (IOException | RuntimeException e) {
                fail(c, e);
            }
        }
        try {
            // The message must be durable before its envelope can be: an envelope in queue/
            // promises a message in msg/.
            SpoolFiles.forceDirectory(files.messages());
        } catch (IOException e) {
            moved.forEach(c -> fail(c, e));
            return;
        }
        List<Commit> linked = new ArrayList<>();
        for (Commit c : moved) {
            try {
                linkEnvelope(c);
                linked.add(c);
            } catch (IOException | RuntimeException e) {
                fail(c, e);
            }
        }
        try {
            SpoolFiles.forceDirectory(files.queue());
        } catch (IOException e) {
            linked.forEach(c -> fail(c, e));
            return;
        }
        batches.incrementAndGet();
        linked.forEach(c -> c.done().complete(null));
    }

    /**
     * The commit point: a hard link never replaces an existing file, so when two writers
     * queue the same derived id (an incoming file taken over from a slow instance) only the
     * first entry counts and the second is dropped, whatever state the first is in by now.
     */
    private void linkEnvelope(Commit c) throws IOException {
        Path queued = files.queue().resolve(c.id());
        try {
            if (!Files.exists(files.active().resolve(c.id()))) {
                Files.createLink(queued, c.tmpEnvelope());
            }
        } catch (java.nio.file.FileAlreadyExistsException already) {
            Logger.tag("queue").info("{}: queued already by another writer", c.id());
        } finally {
            Files.deleteIfExists(c.tmpEnvelope());
        }
    }

    /** Fails one commit and removes only what it wrote itself. */
    private void fail(Commit c, Exception e) {
        Logger.tag("queue").error("commit of {} failed: {}", c.id(), e.getMessage());
        try {
            Files.deleteIfExists(c.tmpEnvelope());
            Files.deleteIfExists(c.tmpMessage());
        } catch (IOException cleanup) {
            Logger.tag("queue").warn("could not clean up failed commit {}: {}", c.id(), cleanup.getMessage());
        }
        c.done().completeExceptionally(e);
    }

    private void failRemaining() {
        List<Commit> rest = new ArrayList<>();
        pending.drainTo(rest);
        for (Commit c : rest) {
            fail(c, new IOException("spool is closed"));
        }
    }

    /** How many batches were published: fewer than accepts when commits were shared. */
    long batches() {
        return batches.get();
    }

    @Override
    public void close() {
        closed = true;
        pending.add(STOP);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
