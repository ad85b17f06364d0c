package org.tegami.routing.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.ConfigException;
import org.tegami.api.MailAddress;
import org.tegami.routing.address.RecipientDelimiter;
import org.tegami.routing.alias.AliasTable;
import org.tegami.routing.alias.AliasTableLoader;

class ReloadingFileTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("table");
        Files.writeString(file, "one");
    }

    private ReloadingFile<String> reloading() {
        return new ReloadingFile<>(file, f -> {
            loads.incrementAndGet();
            try {
                String text = TableFiles.read(f).orElse("");
                return new Loaded<>(text, List.of(), text.equals("bad") ? List.of(new ConfigException(f, 1, "bad")) : List.of());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Duration.ofSeconds(1), clock::get);
    }

    /** Writes new content with a later modification time, as an editor would. */
    private void edit(Path target, String content, int secondsLater) throws Exception {
        FileTime before = Files.getLastModifiedTime(target);
        Files.writeString(target, content);
        Files.setLastModifiedTime(target, FileTime.fromMillis(before.toMillis() + secondsLater * 1000L));
    }

    @Test
    void checksAtMostOncePerIntervalAndSwapsOnChange() throws Exception {
        ReloadingFile<String> table = reloading();
        assertEquals("one", table.current());
        edit(file, "two", 2);
        clock.addAndGet(SECOND / 2);
        assertEquals("one", table.current(), "not checked again within the interval");
        clock.addAndGet(SECOND / 2);
        assertEquals("two", table.current());
        assertEquals(2, loads.get());
    }

    @Test
    void refreshChecksAtOnceWhateverTheInterval() throws Exception {
        ReloadingFile<String> table = reloading();
        edit(file, "two", 2);
        table.refresh();
        assertEquals("two", table.current(), "no wait for the interval");
        table.refresh();
        assertEquals(2, loads.get(), "an unchanged file is not read again");
    }

    @Test
    void anUnchangedFileIsNotReparsed() {
        ReloadingFile<String> table = reloading();
        for (int i = 0; i < 5; i++) {
            clock.addAndGet(SECOND);
            assertEquals("one", table.current());
        }
        assertEquals(1, loads.get());
    }

    @Test
    void noticesCreationAndRemoval() throws Exception {
        Files.delete(file);
        ReloadingFile<String> table = reloading();
        assertEquals("", table.current());
        Files.writeString(file, "new");
        clock.addAndGet(SECOND);
        assertEquals("new", table.current());
        Files.delete(file);
        clock.addAndGet(SECOND);
        assertEquals("", table.current());
    }

    @Test
    void keepsTheProblemsOfTheLastLoad() throws Exception {
        ReloadingFile<String> table = reloading();
        edit(file, "bad", 2);
        clock.addAndGet(SECOND);
        table.current();
        assertEquals(1, table.problems().size());
    }

    @Test
    void readersOnManyThreadsSeeOnlyWholeSnapshots() throws Exception {
        ReloadingFile<String> table = new ReloadingFile<>(file, f -> {
            try {
                return new Loaded<>(TableFiles.read(f).orElse(""), List.of(), List.of());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Duration.ofMillis(1), System::nanoTime);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(readers.submit(() -> {
                while (running.get()) {
                    seen.add(table.current());
                }
            }));
        }
        try {
            for (int i = 0; i < 50; i++) {
                // Replace the file the way careful editors do: write aside, rename over.
                Path aside = dir.resolve("table.tmp");
                Files.writeString(aside, i % 2 == 0 ? "even" : "odd!");
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(2);
            }
        } finally {
            running.set(false);
            for (Future<?> f : done) {
                f.get(5, TimeUnit.SECONDS);
            }
            readers.shutdown();
        }
        assertTrue(Set.of("one", "even", "odd!").containsAll(seen), seen.toString());
        edit(file, "last", 10);
        Thread.sleep(5);
        assertEquals("last", table.current());
    }

    @Test
    void aChangedIncludeFileReloadsTheAliases() throws Exception {
        Path aliases = dir.resolve("aliases");
        Path team = dir.resolve("team");
        Files.writeString(aliases, "team: :include:team\n");
        Files.writeString(team, "alice\n");
        ReloadingFile<AliasTable> table = new ReloadingFile<>(aliases, AliasTableLoader::load, Duration.ofSeconds(1), clock::get);
        MailAddress teamAddress = new MailAddress("team", "localhost");
        assertEquals(1, table.current().lookup(teamAddress, RecipientDelimiter.none()).map(m -> m.entry().targets().size()).orElse(0));
        edit(team, "alice\nbob\n", 2);
        clock.addAndGet(SECOND);
        assertEquals(2, table.current().include(team).orElseThrow().size());
    }
}
