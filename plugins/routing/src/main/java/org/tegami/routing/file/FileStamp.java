package org.tegami.routing.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a cheap {@code stat} tells about a file: enough to notice that it was edited, replaced
 * (editors write a new file and rename it), created or removed.
 *
 * @param exists whether the file is there
 * @param modifiedNanos the modification time
 * @param size the size in bytes
 * @param key the file key (device and inode on Unix), or {@code null}
 */
public record FileStamp(boolean exists, long modifiedNanos, long size, Object key) {

    private static final FileStamp MISSING = new FileStamp(false, 0, 0, null);

    /** Stats the file; an unreadable or missing file gives the "missing" stamp. */
    public static FileStamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            return new FileStamp(true, nanos, a.size(), a.fileKey());
        } catch (IOException e) {
            return MISSING;
        }
    }
}
