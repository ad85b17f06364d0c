package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** Reading {@code dovecot-uidlist} and noticing when another program rewrote it. */
final class UidListFile {

    static final String NAME = "dovecot-uidlist";

    private final Path path;
    private String stamp = "";

    UidListFile(Path folderDir) {
        this.path = folderDir.resolve(NAME);
    }

    Path path() {
        return path;
    }

    /** The file's contents, or {@code null} if there is none or it cannot be parsed. */
    UidList read() throws IOException {
        try {
            String current = currentStamp();
            String text = Files.readString(path, StandardCharsets.UTF_8);
            stamp = current;
            return UidList.parse(text);
        } catch (NoSuchFileException e) {
            stamp = "";
            return null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the file changed since we last read or wrote it. */
    boolean changedSinceSeen() throws IOException {
        return !currentStamp().equals(stamp);
    }

    /** Remembers the file as it is now (after we wrote it). */
    void markSeen() throws IOException {
        stamp = currentStamp();
    }

    private String currentStamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "/" + a.size() + "/" + a.fileKey();
        } catch (NoSuchFileException e) {
            return "";
        }
    }
}
