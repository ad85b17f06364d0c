package org.tegami.pop3.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.tinylog.Logger;

/**
 * A lock file made with an exclusive create, holding {@code pid@host token}. It is stale, and
 * broken, when its modification time is older than the stale age (the holder refreshes it while
 * active) or when it names a process of this host that no longer runs. A stale file is first
 * renamed to a unique name, an atomic step only one contender can win.
 */
final class LockFile {

    private final Path path;
    private final String owner;
    private final String content;
    private final Duration staleAfter;
    private final Clock clock;
    private Instant lastTouch;

    LockFile(Path path, String owner, Duration staleAfter, Clock clock) {
        this.path = path;
        this.owner = owner;
        this.content = owner + " " + UUID.randomUUID();
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** @return true if this file is now ours, false if a live holder has it */
    boolean create() throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.write(path, content.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                Files.setLastModifiedTime(path, FileTime.from(clock.instant()));
                lastTouch = clock.instant();
                return true;
            } catch (FileAlreadyExistsException e) {
                if (!breakIfStale()) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean breakIfStale() throws IOException {
        String holder;
        Instant modified;
        try {
            holder = Files.readString(path, StandardCharsets.US_ASCII).strip();
            modified = Files.getLastModifiedTime(path).toInstant();
        } catch (NoSuchFileException e) {
            return true;
        }
        if (!isStale(holder, modified)) {
            return false;
        }
        Path aside = path.resolveSibling(path.getFileName() + ".stale." + UUID.randomUUID());
        try {
            Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(aside);
            Logger.tag("pop3").info("broke stale maildrop lock {} held by {}", path, holder);
        } catch (NoSuchFileException e) {
            // another contender broke it first; the next create decides
        }
        return true;
    }

    private boolean isStale(String holder, Instant modified) {
        if (modified.plus(staleAfter).isBefore(clock.instant())) {
            return true;
        }
        String holderProcess = holder.split(" ", 2)[0];
        int at = holderProcess.indexOf('@');
        if (at > 0 && holderProcess.substring(at).equals(owner.substring(owner.indexOf('@')))) {
            try {
                long pid = Long.parseLong(holderProcess.substring(0, at));
                // same host: a process that is gone holds nothing (killed server, no clean release)
                return ProcessHandle.of(pid).isEmpty();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** Refreshes the modification time, at most a few times per stale age. */
    void touch() {
        Instant now = clock.instant();
        if (lastTouch != null && lastTouch.plus(staleAfter.dividedBy(4)).isAfter(now)) {
            return;
        }
        try {
            Files.setLastModifiedTime(path, FileTime.from(now));
            lastTouch = now;
        } catch (IOException e) {
            Logger.tag("pop3").warn("cannot refresh maildrop lock {}: {}", path, e.getMessage());
        }
    }

    /** Removes the file if it is still ours. */
    void delete() {
        try {
            if (Files.readString(path, StandardCharsets.US_ASCII).strip().equals(content)) {
                Files.delete(path);
            }
        } catch (NoSuchFileException e) {
            // already gone: broken as stale by someone else
        } catch (IOException e) {
            Logger.tag("pop3").warn("cannot remove maildrop lock {}: {}", path, e.getMessage());
        }
    }
}
