package org.tegami.core.plugin;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches {@code plugins.dir} for jars coming and going and runs a rescan once the folder has
 * been quiet for the settle time, so a jar still being copied is not loaded half-written.
 */
final class PluginWatcher implements AutoCloseable {

    private final WatchService watchService;
    private final ScheduledExecutorService scheduler;
    private final Duration settle;
    private final Runnable rescan;
    private ScheduledFuture<?> pending;

    PluginWatcher(Path directory, Duration settle, Runnable rescan) throws IOException {
        this.settle = settle;
        this.rescan = rescan;
        this.watchService = directory.getFileSystem().newWatchService();
        directory.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "plugin-rescan");
            t.setDaemon(true);
            return t;
        });
        Thread watcher = new Thread(this::watch, "plugin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                boolean relevant = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    relevant |= event.kind() == OVERFLOW || event.context().toString().endsWith(".jar");
                }
                if (relevant) {
                    schedule();
                }
                if (!key.reset()) {
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        if (!scheduler.isShutdown()) {
            pending = scheduler.schedule(rescan, settle.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops watching; waits for a rescan in progress, so call it without holding the host. */
    @Override
    public void close() {
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
            scheduler.shutdown();
        }
        try {
            watchService.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
