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
 * all message files into {@code msg/}, forces that directory once, renames all envelope files
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
        try {
            for (Commit c : batch) {
                SpoolFiles.move(c.tmpMessage(), files.messages().resolve(c.id()));
            }
            // The message must be durable before its envelope can be: an envelope in queue/
            // promises a message in msg/.
            SpoolFiles.forceDirectory(files.messages());
            for (Commit c : batch) {
                SpoolFiles.move(c.tmpEnvelope(), files.queue().resolve(c.id()));
            }
            SpoolFiles.forceDirectory(files.queue());
            batches.incrementAndGet();
            batch.forEach(c -> c.done().complete(null));
        } catch (IOException | RuntimeException e) {
            Logger.tag("queue").error("commit of {} messages failed: {}", batch.size(), e.getMessage());
            for (Commit c : batch) {
                cleanUp(c);
                c.done().completeExceptionally(e);
            }
        }
    }

    private void cleanUp(Commit c) {
        try {
            Files.deleteIfExists(files.queue().resolve(c.id()));
            Files.deleteIfExists(c.tmpEnvelope());
            Files.deleteIfExists(c.tmpMessage());
            Files.deleteIfExists(files.messages().resolve(c.id()));
        } catch (IOException e) {
            Logger.tag("queue").warn("could not clean up failed commit {}: {}", c.id(), e.getMessage());
        }
    }

    private void failRemaining() {
        List<Commit> rest = new ArrayList<>();
        pending.drainTo(rest);
        for (Commit c : rest) {
            cleanUp(c);
            c.done().completeExceptionally(new IOException("spool is closed"));
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
