package org.tegami.routing.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.tegami.api.ConfigException;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * An immutable table loaded from a file and replaced when the file changes, without restart.
 *
 * <p>{@link #current()} is called on every routing decision, from many threads: it returns the
 * present snapshot and, at most once per interval, lets one caller stat the source files and
 * reload if any changed. The other callers never wait; they keep using the old snapshot until
 * the new one is published (a volatile write), so a reader sees either the old or the new
 * table, never a mix.
 *
 * @param <T> the table type
 */
public final class ReloadingFile<T> {

    /** How often the files are checked at most. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private static final TaggedLogger LOG = Logger.tag("routing");

    private final Path file;
    private final Function<Path, Loaded<T>> loader;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong lastCheck;
    private volatile Snapshot<T> snapshot;

    /**
     * Loads the file now (logging its problems) and checks it again at most once a second.
     *
     * @param file the main file
     * @param loader reads the file into a table; must not throw
     */
    public ReloadingFile(Path file, Function<Path, Loaded<T>> loader) {
        this(file, loader, DEFAULT_INTERVAL, System::nanoTime);
    }

    /** As above with an explicit interval and clock, for tests. */
    public ReloadingFile(Path file, Function<Path, Loaded<T>> loader, Duration interval, LongSupplier nanoClock) {
        this.file = Objects.requireNonNull(file);
        this.loader = Objects.requireNonNull(loader);
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.snapshot = load();
        this.lastCheck = new AtomicLong(nanoClock.getAsLong());
    }

    /** The main file. */
    public Path file() {
        return file;
    }

    /** The current table, reloaded first if the interval has passed and a source changed. */
    public T current() {
        long now = nanoClock.getAsLong();
        long last = lastCheck.get();
        if (now - last >= intervalNanos && lastCheck.compareAndSet(last, now) && snapshot.changed()) {
            snapshot = load();
            LOG.info("reloaded {}", file);
        }
        return snapshot.value();
    }

    /**
     * Checks the files now, whatever the interval, and reloads if one changed: for
     * {@code tegami reload}, so an edit takes effect before the next lookup's check would see it.
     */
    public void refresh() {
        lastCheck.set(nanoClock.getAsLong());
        if (snapshot.changed()) {
            snapshot = load();
            LOG.info("reloaded {}", file);
        }
    }

    /** The problems found by the last load, for check-config style reports. */
    public List<ConfigException> problems() {
        return snapshot.problems();
    }

    private Snapshot<T> load() {
        // Stat before reading: an edit during the read then shows as a change next time.
        FileStamp mainStamp = FileStamp.of(file);
        Loaded<T> loaded = loader.apply(file);
        Map<Path, FileStamp> stamps = new LinkedHashMap<>();
        stamps.put(file, mainStamp);
        for (Path source : loaded.sources()) {
            stamps.putIfAbsent(source, FileStamp.of(source));
        }
        for (ConfigException problem : loaded.problems()) {
            LOG.warn("{}", problem.getMessage());
        }
        return new Snapshot<>(loaded.value(), Map.copyOf(stamps), loaded.problems());
    }

    private record Snapshot<T>(T value, Map<Path, FileStamp> stamps, List<ConfigException> problems) {

        boolean changed() {
            for (Map.Entry<Path, FileStamp> e : stamps.entrySet()) {
                if (!FileStamp.of(e.getKey()).equals(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
    }
}
