package org.tegami.core.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A jar's size and modification time: a changed stamp means a changed (or replaced) jar. */
record JarStamp(long size, long modifiedMillis) {

    /** The stamp now; a vanished file gets a stamp no real file has. */
    static JarStamp of(Path jar) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return new JarStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return new JarStamp(-1, -1);
        }
    }
}
