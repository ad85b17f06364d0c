package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Dovecot's dotlock: the file {@code <name>.lock} created exclusively. While held, the new
 * content is written into the lock file and renamed over the target, so readers never see a
 * half-written file and Dovecot on the same folder waits for us as we wait for it. A lock older
 * than the stale time is taken over, as Dovecot does after a crash.
 */
final class DotLock implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration STALE = Duration.ofMinutes(2);

    private final Path target;
    private final Path lock;
    private boolean held;

    private DotLock(Path target) {
        this.target = target;
        this.lock = target.resolveSibling(target.getFileName() + ".lock");
    }

    /** Takes the lock on {@code target}, waiting up to 30 seconds. */
    static DotLock acquire(Path target) throws IOException {
        DotLock l = new DotLock(target);
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                Files.createFile(l.lock);
                l.held = true;
                return l;
            } catch (FileAlreadyExistsException e) {
                l.breakIfStale();
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("timeout waiting for lock " + l.lock);
                }
                sleep();
            }
        }
    }

    private void breakIfStale() throws IOException {
        try {
            Instant modified = Files.getLastModifiedTime(lock).toInstant();
            if (modified.plus(STALE).isBefore(Instant.now())) {
                Files.deleteIfExists(lock);
            }
        } catch (NoSuchFileException gone) {
            // released meanwhile
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for a lock");
        }
    }

    /** Writes the content into the lock file, fsyncs it and renames it over the target; releases the lock. */
    void replace(String content) throws IOException {
        Files.writeString(lock, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Durable.fsync(lock);
        Files.move(lock, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        held = false;
        Durable.fsyncDirectory(target.getParent());
    }

    @Override
    public void close() throws IOException {
        if (held) {
            held = false;
            Files.deleteIfExists(lock);
        }
    }
}
