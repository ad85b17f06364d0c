package org.tegami.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A jar's size, modification time and file key (the inode on Unix): a changed stamp means a
 * changed or replaced jar, even one moved in with the same size within the same millisecond.
 */
record JarStamp(long size, long modifiedMillis, Object fileKey) {

    /** The stamp now; a vanished file gets a stamp no real file has. */
    static JarStamp of(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return new JarStamp(attributes.size(), attributes.lastModifiedTime().toMillis(), attributes.fileKey());
        } catch (IOException e) {
            return new JarStamp(-1, -1, null);
        }
    }
}
