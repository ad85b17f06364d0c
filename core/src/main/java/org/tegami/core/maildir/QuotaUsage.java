package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A user's bytes on disk for quota: the {@code S=} sizes of the files in every folder, a folder
 * counted again only when the modification time of its {@code new/} or {@code cur/} moved.
 */
final class QuotaUsage {

    private record Counted(long newStamp, long curStamp, long bytes) {
    }

    private final Map<Path, Counted> folders = new ConcurrentHashMap<>();

    long usedBytes(Path userRoot) throws IOException {
        long total = folderBytes(userRoot);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(userRoot, p -> FolderNames.fromDirName(
                p.getFileName().toString()) != null)) {
            for (Path d : dirs) {
                if (Files.isDirectory(d.resolve("cur"))) {
                    total += folderBytes(d);
                }
            }
        }
        return total;
    }

    private long folderBytes(Path dir) throws IOException {
        long newStamp = stamp(dir.resolve("new"));
        long curStamp = stamp(dir.resolve("cur"));
        long now = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        Counted c = folders.get(dir);
        if (c != null && c.newStamp == newStamp && c.curStamp == curStamp && newStamp >= 0 && curStamp >= 0) {
            return c.bytes;
        }
        long bytes = sum(dir.resolve("new")) + sum(dir.resolve("cur"));
        boolean settled = now - Math.max(newStamp, curStamp) > TimeUnit.SECONDS.toNanos(1);
        folders.put(dir, new Counted(settled ? newStamp : -1, settled ? curStamp : -1, bytes));
        return bytes;
    }

    private static long stamp(Path dir) throws IOException {
        try {
            return Files.getLastModifiedTime(dir).to(TimeUnit.NANOSECONDS);
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    private static long sum(Path dir) throws IOException {
        long bytes = 0;
        List<Path> unnamed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                long s = MaildirFileName.parse(p.getFileName().toString()).sizeField('S');
                if (s >= 0) {
                    bytes += s;
                } else {
                    unnamed.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
        for (Path p : unnamed) {
            try {
                bytes += Files.size(p);
            } catch (NoSuchFileException gone) {
                // expunged meanwhile
            }
        }
        return bytes;
    }
}
