package org.tegami.core.spool;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the queue scheduler when files arrive in {@code incoming/} or {@code queue/}
 * (WatchService). Events may be missed or late on some filesystems: the scheduler also
 * rescans on a timer, so a missed event only delays.
 */
public final class SpoolWatcher implements AutoCloseable {

    private final WatchService watch;

    public SpoolWatcher(SpoolFiles files) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        files.incoming().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        files.queue().register(watch, StandardWatchEventKinds.ENTRY_CREATE);
    }

    /**
     * Waits for a change or the timeout; drains all pending events.
     *
     * @return true when a change was seen, false on timeout or when closed
     */
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            WatchKey key = watch.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            if (key == null) {
                return false;
            }
            while (key != null) {
                key.pollEvents();
                key.reset();
                key = watch.poll();
            }
            return true;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
