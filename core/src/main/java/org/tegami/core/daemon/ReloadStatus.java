package org.tegami.core.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.tegami.core.server.ReloadOutcome;

/**
 * How the daemon's reloads ended, in a one-line file beside the pid file ({@code tegami.pid} has
 * {@code tegami.pid.reload}): {@code <number> <APPLIED|REFUSED|FAILED> <message>}. The daemon
 * numbers its reloads upwards and rewrites the file atomically after each; {@code tegami reload}
 * notes the number, sends SIGHUP and waits for a higher one. A signal carries no answer, and the
 * file is how the command still learns whether the new configuration was taken. A daemon that
 * cannot receive SIGHUP says so in a second file, {@code tegami.pid.reload.unreachable}, so that
 * the command fails at once instead of waiting for a report that cannot come.
 */
public final class ReloadStatus {

    /**
     * One report.
     *
     * @param number the daemon's count of reloads so far
     * @param outcome how the last one ended
     */
    public record Report(long number, ReloadOutcome outcome) {
    }

    private final Path file;
    private final AtomicLong count = new AtomicLong();

    public ReloadStatus(Path file) {
        this.file = file;
    }

    /** The status file of a pid file. */
    public static ReloadStatus besidePidFile(Path pidFile) {
        return new ReloadStatus(pidFile.resolveSibling(pidFile.getFileName() + ".reload"));
    }

    public Path file() {
        return file;
    }

    /** Writes the next report (daemon side). */
    public synchronized void write(ReloadOutcome outcome) throws IOException {
        // Continue from the file: a daemon started again never repeats an earlier number.
        long number = Math.max(count.get(), read().map(Report::number).orElse(0L)) + 1;
        count.set(number);
        String line = number + " " + outcome.status() + " " + outcome.message().replace('\n', ' ') + "\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(StandardCharsets.UTF_8.encode(line));
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The last report, if any (command side). */
    public Optional<Report> read() throws IOException {
        String line;
        try {
            line = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] parts = line.split(" ", 3);
        try {
            ReloadOutcome.Status status = ReloadOutcome.Status.valueOf(parts[1]);
            return Optional.of(new Report(Long.parseLong(parts[0]), new ReloadOutcome(status,
                    parts.length > 2 ? parts[2] : "")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Leaves word for {@code tegami reload} that this daemon cannot receive SIGHUP (daemon side,
     * at start), or takes back such word left by an earlier daemon ({@code why} empty).
     */
    public void unreachable(Optional<String> why) throws IOException {
        if (why.isPresent()) {
            Files.writeString(unreachableFile(), why.get() + "\n", StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(unreachableFile());
        }
    }

    /** Why the running daemon cannot receive SIGHUP, if it said so (command side). */
    public Optional<String> unreachable() throws IOException {
        try {
            return Optional.of(Files.readString(unreachableFile(), StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path unreachableFile() {
        return file.resolveSibling(file.getFileName() + ".unreachable");
    }

    /** Removes the files (a clean stop of the daemon). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(unreachableFile());
        } catch (IOException ignored) {
            // numbers continue from the file, so a stale report is never taken for a new one
        }
    }
}
