package org.tegami.core.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tegami.api.ConfigException;
import org.tegami.api.UserAccount;
import org.tegami.api.UserDirectory;
import org.tinylog.Logger;

/**
 * The users of a Dovecot passwd-file, kept in memory. Before a lookup, at most once per check
 * interval (1 s by default), the file's modification time, size and identity (inode) are
 * compared with those last read; when they differ the file is read again, so edits and
 * {@code tegami user} take effect without a restart. Bad lines are logged (tag {@code auth})
 * with file and line and skipped. A missing file means no users. When the file cannot be read
 * the last good content stays for {@link #find}, and {@link #credential} reports the failure
 * so logins get a temporary error rather than a wrong answer. Thread-safe.
 */
public final class PasswdFileDirectory implements UserDirectory, CredentialSource {

    private record Stamp(Instant modified, long size, Object key) {
    }

    private record Snapshot(PasswdFile content, Stamp stamp, String failure) {
    }

    private final Path file;
    private final Duration checkInterval;
    private final Clock clock;
    private volatile Snapshot snapshot;
    /** When the file is due to be stat'ed again; read without the lock so lookups do not contend. */
    private volatile Instant nextCheck;

    /** Watches the file with the default 1 s check interval. */
    public PasswdFileDirectory(Path file) {
        this(file, Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** @param checkInterval how often at most the file is stat'ed ({@code ZERO}: before every lookup) */
    public PasswdFileDirectory(Path file, Duration checkInterval, Clock clock) {
        this.file = file;
        this.checkInterval = checkInterval;
        this.clock = clock;
        synchronized (this) {
            this.nextCheck = clock.instant().plus(checkInterval);
            this.snapshot = read(null);
        }
    }

    @Override
    public Optional<UserAccount> find(String name) {
        return entry(name).map(PasswdEntry::account);
    }

    @Override
    public List<UserAccount> all() {
        List<UserAccount> out = new ArrayList<>();
        for (PasswdEntry e : current().content().users().values()) {
            out.add(e.account());
        }
        return out;
    }

    @Override
    public Optional<Credential> credential(String login) throws IOException {
        Snapshot s = current();
        if (s.failure() != null) {
            throw new IOException(s.failure());
        }
        return lookup(s, login).map(e -> new Credential(e.account(), e.password()));
    }

    /** The problems of the last read (bad lines, or the read failure). */
    public List<ConfigException> problems() {
        Snapshot s = current();
        List<ConfigException> out = new ArrayList<>(s.content().problems());
        if (s.failure() != null) {
            out.add(new ConfigException(file, 0, s.failure()));
        }
        return out;
    }

    /** Reads the file now if it changed, regardless of the check interval. */
    public synchronized void refresh() {
        nextCheck = clock.instant().plus(checkInterval);
        Snapshot old = snapshot;
        Stamp stamp = stamp();
        if (old.failure() != null || !Objects.equals(stamp, old.stamp())) {
            snapshot = read(old);
        }
    }

    private Optional<PasswdEntry> entry(String name) {
        return lookup(current(), name);
    }

    private static Optional<PasswdEntry> lookup(Snapshot s, String name) {
        return Optional.ofNullable(s.content().users().get(name.toLowerCase(Locale.ROOT)));
    }

    private Snapshot current() {
        if (!clock.instant().isBefore(nextCheck)) {
            synchronized (this) {
                if (!clock.instant().isBefore(nextCheck)) {
                    refresh();
                }
            }
        }
        return snapshot;
    }

    private Snapshot read(Snapshot previous) {
        Stamp stamp = stamp();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            PasswdFile content = PasswdFileParser.parse(file, lines);
            for (ConfigException problem : content.problems()) {
                Logger.tag("auth").warn("{}", problem.getMessage());
            }
            if (previous != null) {
                Logger.tag("auth").info("{}: reloaded, {} users", file, content.users().size());
            }
            return new Snapshot(content, stamp, null);
        } catch (NoSuchFileException e) {
            if (previous == null || !previous.content().users().isEmpty()) {
                Logger.tag("auth").warn("{}: no such file, no users", file);
            }
            return new Snapshot(PasswdFile.empty(file), stamp, null);
        } catch (IOException | java.io.UncheckedIOException e) {
            String reason = file + ": cannot read: " + e.getMessage();
            Logger.tag("auth").error("{}", reason);
            PasswdFile kept = previous == null ? PasswdFile.empty(file) : previous.content();
            return new Snapshot(kept, stamp, reason);
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toInstant(), a.size(), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }
}
