package org.tegami.core.delivery;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.tegami.api.Transport;
import org.tegami.core.fs.StorageErrors;
import org.tegami.core.metrics.ServerMetrics;
import org.tegami.core.spool.QueueEntry;
import org.tegami.core.spool.Spool;
import org.tegami.core.spool.SpoolClaim;
import org.tegami.core.spool.SpoolWatcher;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The delivery side of the spool: a scheduler thread picks up {@code incoming/}, takes back
 * expired claims, and hands due entries to {@code workers} threads, which claim each entry by
 * rename and run one delivery attempt. Woken by the {@link SpoolWatcher} and by the rescan
 * timer. {@link #start()} once, {@link #close()} to stop (waits for running attempts).
 * Several runners, in one process or several, may share one spool.
 */
public final class QueueRunner implements AutoCloseable {

    private static final TaggedLogger LOG = Logger.tag("queue");

    private final Spool spool;
    private final QueueSettings settings;
    private final EntryProcessor processor;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, SpoolClaim> claims = new ConcurrentHashMap<>();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private ExecutorService workers;
    private ScheduledExecutorService leases;
    private SpoolWatcher watcher;
    private Thread scheduler;
    private volatile boolean running;
    private Instant lastRecovery = Instant.MIN;

    /**
     * @param spool the spool to deliver from (its clock is used for retries and leases)
     * @param routing the router chain
     * @param local Maildir delivery
     * @param transports finds a {@link Transport} by {@link Transport#name()}
     * @param settings workers, retry schedule, max age, lease, rescan
     * @param hostname this server's name, for DSNs
     */
    public QueueRunner(Spool spool, RoutingEngine routing, LocalDelivery local,
            Function<String, Optional<Transport>> transports, QueueSettings settings, String hostname) {
        this(spool, routing, local, transports, settings, hostname, ServerMetrics.unexported());
    }

    /** Like the other constructor, reporting each settled recipient to {@code metrics}. */
    public QueueRunner(Spool spool, RoutingEngine routing, LocalDelivery local,
            Function<String, Optional<Transport>> transports, QueueSettings settings, String hostname,
            ServerMetrics metrics) {
        this.spool = spool;
        this.settings = settings;
        TargetRunner runner = new TargetRunner(local, new PipeDelivery(spool.files().tmp(), settings.pipeTimeout()),
                new MboxDelivery(), spool.clock());
        this.processor = new EntryProcessor(spool, routing, runner, transports, settings, hostname, metrics);
    }

    /** Starts the scheduler, workers and watch; recovers the spool first. */
    public synchronized void start() throws IOException {
        if (running) {
            return;
        }
        running = true;
        watcher = new SpoolWatcher(spool.files());
        workers = Executors.newFixedThreadPool(settings.workers(), r -> named(r, "queue-worker"));
        leases = Executors.newSingleThreadScheduledExecutor(r -> named(r, "queue-lease"));
        long refresh = Math.max(1000, settings.lease().toMillis() / 3);
        leases.scheduleWithFixedDelay(() -> claims.values().forEach(SpoolClaim::refreshLease), refresh, refresh,
                TimeUnit.MILLISECONDS);
        scheduler = named(this::schedule, "queue-scheduler");
        scheduler.start();
        LOG.info("queue runner started on {} with {} workers", spool.files().root(), settings.workers());
    }

    private static Thread named(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void schedule() {
        while (running) {
            Duration wait = settings.rescan();
            try {
                Instant next = cycle(true);
                if (next != null) {
                    Duration untilDue = Duration.between(spool.clock().instant(), next);
                    wait = untilDue.compareTo(wait) < 0 ? untilDue : wait;
                }
                watcher.await(wait.isNegative() ? Duration.ofMillis(10) : wait);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.error("queue scan of {} failed: {}", spool.files().root(), e.toString());
                try {
                    watcher.await(settings.rescan());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * One scheduling pass: recovery (at most once per rescan interval), incoming pickup, and
     * every due entry handed to a worker ({@code async}) or run in the calling thread.
     *
     * @return the earliest time a waiting entry becomes due, or {@code null}
     */
    Instant cycle(boolean async) throws IOException {
        Instant now = spool.clock().instant();
        if (!lastRecovery.isAfter(now.minus(settings.rescan()))) {
            spool.recover(settings.lease());
            lastRecovery = now;
        }
        spool.pickUpIncoming(settings.lease());
        Instant earliest = null;
        List<String> due = new ArrayList<>();
        for (String id : spool.queuedIds()) {
            if (inFlight.contains(id)) {
                continue;
            }
            Waiting known = waiting.get(id);
            FileTime mtime = spool.modified(id);
            if (known != null && java.util.Objects.equals(known.mtime(), mtime) && known.next().isAfter(now)) {
                earliest = min(earliest, known.next());
                continue;
            }
            Optional<QueueEntry> e = spool.peek(id);
            if (e.isEmpty()) {
                continue;
            }
            if (e.get().isDue(now)) {
                due.add(id);
            } else {
                Instant next = e.get().nextDue();
                if (next != null) {
                    waiting.put(id, new Waiting(mtime, next));
                    earliest = min(earliest, next);
                }
            }
        }
        for (String id : due) {
            inFlight.add(id);
            if (async) {
                workers.execute(() -> work(id));
            } else {
                work(id);
            }
        }
        return earliest;
    }

    /**
     * Runs pickup and every due entry in the calling thread, without the scheduler (for
     * tests with a fixed clock and for one-shot queue runs).
     */
    public void runDueNow() throws IOException {
        waiting.clear();
        lastRecovery = Instant.MIN;
        cycle(false);
    }

    /** An entry known not to be due before {@code next}, as long as its file is unchanged. */
    private record Waiting(FileTime mtime, Instant next) {
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private void work(String id) {
        SpoolClaim claim = null;
        try {
            claim = spool.claim(id).orElse(null);
            if (claim == null) {
                return;
            }
            claims.put(id, claim);
            waiting.remove(id);
            processor.process(claim);
        } catch (IOException | RuntimeException e) {
            // The claim stays in active/ and comes back after the lease: nothing is lost.
            LOG.error("{}: delivery attempt failed: {}", id, e.toString());
            if (claim != null && e instanceof IOException io && StorageErrors.isFull(io)) {
                retryAfterFullDisk(claim);
            }
        } finally {
            claims.remove(id);
            inFlight.remove(id);
        }
    }

    /**
     * A full disk passes without a restart, so an entry whose attempt it ended is given back at
     * once, to be tried again after {@code queue.retry-min} rather than after the lease.
     */
    private void retryAfterFullDisk(SpoolClaim claim) {
        try {
            claim.giveBack();
            waiting.put(claim.id(), new Waiting(spool.modified(claim.id()),
                    spool.clock().instant().plus(settings.retryMin())));
            LOG.info("{}: disk full, trying again in {} s", claim.id(), settings.retryMin().toSeconds());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: stays claimed until the lease ends: {}", claim.id(), e.toString());
        }
    }

    /** Stops the scheduler and watch, and waits up to 30 s for running delivery attempts to end. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /**
     * Stops the scheduler and watch, and waits up to {@code wait} for running delivery attempts
     * to end; the rest are interrupted and their claims stay for recovery after the lease.
     */
    public synchronized void close(Duration wait) {
        if (!running) {
            return;
        }
        running = false;
        watcher.close(); // wakes the scheduler; it ends after its current pass
        try {
            scheduler.join(10_000);
            workers.shutdown();
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("delivery attempts still running after {} s are interrupted; their claims are taken back"
                        + " after queue.lease", wait.toSeconds());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leases.shutdownNow();
        LOG.info("queue runner stopped");
    }
}
