package org.tegami.pop3.session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tinylog.Logger;

/**
 * Locks a user's maildrop against a second POP3 session (RFC 1939 section 8: "[IN-USE]",
 * RFC 2449 section 8.1.1). Two layers: a map of this process's sessions, and a lock file in
 * the user's Maildir so that two server processes sharing the Maildirs agree too. Delivery and
 * IMAP ignore the lock, as they should. Thread-safe.
 */
public final class MaildropLocks {

    /** The lock file's name in the user's Maildir; other tools ignore unknown files there. */
    public static final String LOCK_FILE = "tegami-pop3.lock";

    private final Path mailDir;
    private final Duration staleAfter;
    private final String owner;
    private final Clock clock;
    private final Map<String, MaildropLock> held = new ConcurrentHashMap<>();

    /**
     * @param mailDir the root of the users' Maildirs ({@code <domain>/<user>/}), or {@code null}
     *     to lock within this process only
     * @param staleAfter how old an unrefreshed lock file must be to be broken
     * @param hostname this machine's name, written into lock files to recognise our own dead ones
     */
    public MaildropLocks(Path mailDir, Duration staleAfter, String hostname, Clock clock) {
        this.mailDir = mailDir;
        this.staleAfter = staleAfter;
        this.owner = ProcessHandle.current().pid() + "@" + hostname;
        this.clock = clock;
    }

    /**
     * Takes the lock of one user's maildrop.
     *
     * @return the held lock, or empty when another POP3 session has it
     */
    public Optional<MaildropLock> acquire(String user) {
        String key = user.toLowerCase(Locale.ROOT);
        Optional<LockFile> file = lockFile(key).map(p -> new LockFile(p, owner, staleAfter, clock));
        MaildropLock lock = new MaildropLock(this, key, file);
        if (held.putIfAbsent(key, lock) != null) {
            return Optional.empty();
        }
        try {
            if (lock.file().isPresent() && !lock.file().get().create()) {
                held.remove(key, lock);
                return Optional.empty();
            }
        } catch (IOException e) {
            // a lock file we cannot write must not keep the user out: the process lock still holds
            Logger.tag("pop3").warn("cannot write the maildrop lock file for {}: {}", key, e.getMessage());
            lock = new MaildropLock(this, key, Optional.empty());
            held.put(key, lock);
        }
        return Optional.of(lock);
    }

    void release(MaildropLock lock) {
        held.remove(lock.user(), lock);
    }

    /** The lock file's place: the user's Maildir, if it is found where the layout says. */
    private Optional<Path> lockFile(String user) {
        if (mailDir == null) {
            return Optional.empty();
        }
        int at = user.lastIndexOf('@');
        if (at <= 0 || at == user.length() - 1) {
            return Optional.empty();
        }
        Path domainDir = mailDir.resolve(safe(user.substring(at + 1)));
        for (String name : new String[] {user.substring(0, at), user}) {
            Path dir = domainDir.resolve(safe(name));
            if (java.nio.file.Files.isDirectory(dir.resolve("cur"))) {
                return Optional.of(dir.resolve(LOCK_FILE));
            }
        }
        Logger.tag("pop3").debug("no Maildir for {} under {}; locking in this process only", user, mailDir);
        return Optional.empty();
    }

    /** Keeps a name from leaving its folder; such names fail the directory test anyway. */
    private static String safe(String part) {
        return part.replace('/', '_').replace('\\', '_').replace("..", "__");
    }
}
