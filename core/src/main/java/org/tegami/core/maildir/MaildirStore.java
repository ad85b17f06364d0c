package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.tegami.api.MailStore;
import org.tegami.api.UserMailbox;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The users' Maildirs under one mail root ({@code <root>/<domain>/<local>/}) for POP3 and IMAP.
 * Holds one shared {@link FolderState} per open folder, which {@link MaildirDelivery} signals
 * so that waiting sessions wake at once, and a timer that rescans open folders every second
 * for other programs' changes and saves the folder caches. Thread-safe; {@link #close()}
 * stops the timer and writes the caches.
 */
public final class MaildirStore implements MailStore, AutoCloseable {

    static final TaggedLogger LOG = Logger.tag("maildir");
    private static final Duration DEFAULT_RESCAN = Duration.ofSeconds(1);
    private static final int CACHE_SAVE_TICKS = 30;
    private static final Duration LINGER = Duration.ofSeconds(60);

    private final Path mailRoot;
    private final String host;
    private final Clock clock;
    private final Map<Path, FolderState> states = new HashMap<>();
    private final QuotaUsage usage = new QuotaUsage();
    private final ToLongFunction<String> quota;
    private final ScheduledExecutorService timer;
    private final AtomicLong counter = new AtomicLong();
    private long ticks;

    /**
     * @param mailRoot the folder holding the users' Maildirs ({@code mail.dir})
     * @param hostname this server's name, the last part of new file names
     */
    public MaildirStore(Path mailRoot, String hostname) {
        this(mailRoot, hostname, user -> 0);
    }

    /** @param quota bytes allowed per user (account name) for APPEND and COPY, 0 for no limit */
    public MaildirStore(Path mailRoot, String hostname, ToLongFunction<String> quota) {
        this(mailRoot, hostname, Clock.systemUTC(), DEFAULT_RESCAN, quota);
    }

    /** @param rescan how often open folders are checked for changes by other programs */
    public MaildirStore(Path mailRoot, String hostname, Clock clock, Duration rescan) {
        this(mailRoot, hostname, clock, rescan, user -> 0);
    }

    private MaildirStore(Path mailRoot, String hostname, Clock clock, Duration rescan, ToLongFunction<String> quota) {
        this.quota = quota;
        this.mailRoot = mailRoot;
        this.host = MaildirFileName.safeHost(hostname);
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "maildir-rescan");
            t.setDaemon(true);
            return t;
        });
        long ms = rescan.toMillis();
        timer.scheduleWithFixedDelay(this::tick, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public UserMailbox mailbox(String user) throws IOException {
        return new MaildirUserMailbox(this, user, ensureUser(user));
    }

    /** A user's Maildir, made with INBOX and the special-use folders when it does not exist yet. */
    Path ensureUser(String user) throws IOException {
        Path root = FolderNames.userRoot(mailRoot, user);
        if (!Files.isDirectory(root.resolve("cur"))) {
            createMaildir(root, false);
            for (String name : FolderNames.SPECIAL_USE.keySet()) {
                createMaildir(FolderNames.path(root, name), true);
            }
            List<String> subscribed = new ArrayList<>(List.of(FolderNames.INBOX));
            subscribed.addAll(FolderNames.SPECIAL_USE.keySet().stream().sorted().toList());
            SubscriptionsFile.addAll(root, subscribed);
            LOG.info("created Maildir for {}", user);
        }
        return root;
    }

    /** Creates tmp/, new/ and cur/ (and Maildir++'s {@code maildirfolder} marker for a folder). */
    static void createMaildir(Path dir, boolean plusFolder) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("new"));
        Files.createDirectories(dir.resolve("cur"));
        if (plusFolder && !Files.exists(dir.resolve("maildirfolder"))) {
            try {
                Files.createFile(dir.resolve("maildirfolder"));
            } catch (FileAlreadyExistsException raced) {
                // made by a delivery at the same moment
            }
        }
        Durable.fsyncDirectory(dir.getParent());
    }

    /** The shared state of a folder, loaded on first use; pair with {@link #release}. */
    FolderState acquire(Path dir) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        synchronized (states) {
            FolderState s = states.get(key);
            if (s != null) {
                s.refs++;
                return s;
            }
        }
        // Loaded outside the registry lock: a big folder must not hold up other users' folders.
        FolderState loadedNow = FolderState.load(key);
        synchronized (states) {
            FolderState s = states.putIfAbsent(key, loadedNow);
            if (s == null) {
                s = loadedNow;
            }
            s.refs++;
            return s;
        }
    }

    /**
     * Gives a state back. An unused state stays loaded for {@link #LINGER}: clients open and
     * close folders all the time (IMAP APPEND and STATUS, POP3 sessions), and loading a big
     * folder lists it and writing its cache rewrites a line per message.
     */
    void release(FolderState s) {
        synchronized (states) {
            if (--s.refs == 0) {
                s.unusedSince = clock.instant();
            }
        }
    }

    /** Drops states unused for longer than {@link #LINGER}, writing their caches. */
    private void evictUnused() {
        List<FolderState> evicted = new ArrayList<>();
        Instant cutoff = clock.instant().minus(LINGER);
        synchronized (states) {
            states.values().removeIf(s -> {
                boolean old = s.refs == 0 && s.unusedSince != null && s.unusedSince.isBefore(cutoff);
                if (old) {
                    evicted.add(s);
                }
                return old;
            });
        }
        for (FolderState s : evicted) {
            try {
                s.saveCache();
            } catch (IOException e) {
                LOG.warn("cannot write folder cache in {}: {}", s.dir, e.getMessage());
            }
        }
    }

    /** The loaded state of a folder, or {@code null}: delivery uses it without loading one. */
    FolderState loaded(Path dir) {
        synchronized (states) {
            return states.get(dir.toAbsolutePath().normalize());
        }
    }

    /** Tells sessions waiting on a folder that it changed (a delivery). */
    void changed(Path dir) {
        FolderState s = loaded(dir);
        if (s != null) {
            s.signal();
        }
    }

    /** Drops the states of a folder and those below it after a delete or rename. */
    void forget(Path dir) {
        String prefix = dir.toAbsolutePath().normalize().toString();
        synchronized (states) {
            states.keySet().removeIf(p -> p.toString().equals(prefix) || p.toString().startsWith(prefix + "."));
        }
    }

    /** The user's quota in bytes, 0 for none. */
    long quota(String user) {
        return quota.applyAsLong(user);
    }

    /** Bytes on disk of all of a user's folders (sizes from the file names). */
    long usedBytes(Path userRoot) throws IOException {
        return usage.usedBytes(userRoot);
    }

    /**
     * A fresh unique base name without sizes, {@code <seconds>.M<micros>P<pid>Q<n>.<host>};
     * the seconds are the message's internal date, which the name keeps across restarts.
     */
    String uniqueStem(Instant internalDate) {
        Instant now = clock.instant();
        long micros = now.getNano() / 1000;
        return internalDate.getEpochSecond() + ".M" + micros + "P" + ProcessHandle.current().pid() + "Q"
                + counter.incrementAndGet() + "." + host;
    }

    String host() {
        return host;
    }

    Clock clock() {
        return clock;
    }

    private void tick() {
        List<FolderState> open;
        synchronized (states) {
            open = new ArrayList<>(states.values());
        }
        evictUnused();
        boolean save = ++ticks % CACHE_SAVE_TICKS == 0;
        for (FolderState s : open) {
            try {
                s.rescan();
                if (save) {
                    s.saveCache();
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("rescan of {} failed: {}", s.dir, e.getMessage());
            }
        }
    }

    /** Stops the rescan timer and writes the caches of open folders. */
    @Override
    public void close() {
        timer.shutdownNow();
        List<FolderState> open;
        synchronized (states) {
            open = new ArrayList<>(states.values());
        }
        for (FolderState s : open) {
            try {
                s.saveCache();
            } catch (IOException e) {
                LOG.warn("cannot write folder cache in {}: {}", s.dir, e.getMessage());
            }
        }
    }
}
