package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** fsync of files and directories, and whole-file replacement by write, fsync and rename. */
final class Durable {

    private Durable() {
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes a directory's entries (a rename into it, a deletion) durable. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some systems cannot open a directory for fsync; the rename is then as durable as it gets.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Replaces a small file atomically: write a sibling, fsync, rename over, fsync the folder. */
    static void replace(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + ProcessHandle.current().pid()
                + "." + Thread.currentThread().getId());
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        fsync(tmp);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(file.getParent());
    }
}
