package org.tegami.core.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's pid file (config key {@code pid.file}, default {@code <spool.dir>/tegami.pid}):
 * two lines, the process id and the machine's host name. {@code tegami run} writes it atomically
 * (tmp, fsync, rename), then holds an exclusive lock on it while it runs and deletes it on a clean
 * stop. {@code tegami reload} sends SIGHUP to the process it names.
 *
 * <p>Why the lock: a pid file left by a crash or a reboot names a process that is gone, or
 * another one that got the same number. The lock ends with the process, so "the file is locked"
 * means exactly "that daemon still runs", and no stale file is ever signalled.
 *
 * <p>Shared spools: several instances may share one spool (DESIGN, spool promise 4), on one
 * machine or over a shared filesystem, and with the default path they share the pid file too.
 * The first one holds it; the others find it locked, run without a pid file and say so at WARN
 * ({@code tegami reload} does not reach them; {@code kill -HUP} does). Each instance that must be
 * reloaded sets its own {@code pid.file}, best a local path such as
 * {@code /run/tegami/tegami.pid}. {@code tegami reload} refuses a file written on another
 * machine, so a shared file never makes it signal a process of another host.
 */
public final class PidFile implements AutoCloseable {

    /**
     * A daemon found through its pid file.
     *
     * @param pid its process id
     * @param host the machine it runs on
     */
    public record Owner(long pid, String host) {
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private PidFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Writes this process's pid file and locks it.
     *
     * @return empty when another running daemon holds the file (see {@link #running}): the
     *     caller runs without one
     * @throws IOException when the file cannot be written
     */
    public static Optional<PidFile> claim(Path file) throws IOException {
        if (running(file).isPresent()) {
            return Optional.empty();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        String content = ProcessHandle.current().pid() + "\n" + localHost() + "\n";
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(StandardCharsets.US_ASCII.encode(content));
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            // Another instance renamed its file in and locked it at the same moment.
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new PidFile(file, channel, lock));
    }

    /**
     * The daemon that holds {@code file}, if one runs: the file exists and is locked. A file
     * nobody locks is stale and gives empty.
     */
    public static Optional<Owner> running(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
        } catch (OverlappingFileLockException e) {
            // This JVM holds it: the daemon is this very process (tests run it in-process).
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(Long.parseLong(lines.get(0).trim()), lines.size() > 1 ? lines.get(1).trim() : ""));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IOException(file + ": not a pid file (first line must be a process id)");
        }
    }

    /** This machine's host name, as written into pid files. */
    public static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    public Path file() {
        return file;
    }

    /** Deletes the file and releases the lock (a clean stop). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the lock below is what counts; a file left unlocked is known to be stale
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing ends the lock anyway
        }
    }
}
