package org.tegami.core.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tinylog.Logger;

/**
 * Changes a passwd-file for {@code tegami user}: adds a user, replaces a password, removes a
 * user. Every other line (comments, other users, bad lines) stays as it was, and the password
 * change keeps the user's other fields. The new content is written to a temporary file beside
 * the original, fsync'd, renamed over it and the folder fsync'd, so a reader (the running
 * server) sees the old or the new file, never a mix. A lock file serialises concurrent edits.
 */
public final class PasswdFileEditor {

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public PasswdFileEditor(Path file) {
        this.file = file;
    }

    /** Adds {@code name:stored}; false when the user already exists. Creates the file if needed. */
    public boolean add(String name, String stored) throws IOException {
        return edit(lines -> {
            if (indexOf(lines, name) >= 0) {
                return false;
            }
            lines.add(name.toLowerCase(Locale.ROOT) + ":" + stored);
            return true;
        });
    }

    /** Replaces the password field of a user; false when there is no such user. */
    public boolean setPassword(String name, String stored) throws IOException {
        return edit(lines -> {
            int i = indexOf(lines, name);
            if (i < 0) {
                return false;
            }
            String[] fields = lines.get(i).split(":", -1);
            fields[1] = stored;
            if (fields.length == 1) {
                lines.set(i, fields[0] + ":" + stored);
            } else {
                lines.set(i, String.join(":", fields));
            }
            return true;
        });
    }

    /** Removes a user's line; false when there is no such user. */
    public boolean remove(String name) throws IOException {
        return edit(lines -> {
            int i = indexOf(lines, name);
            if (i < 0) {
                return false;
            }
            lines.remove(i);
            return true;
        });
    }

    private interface Change {
        boolean apply(List<String> lines);
    }

    private static int indexOf(List<String> lines, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            if (wanted.equals(PasswdFileParser.nameOf(lines.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private boolean edit(Change change) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path lockFile = dir.resolve("." + file.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.lock()) {
            List<String> lines;
            Set<PosixFilePermission> permissions = PRIVATE;
            try {
                lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
                permissions = permissionsOf(file);
            } catch (NoSuchFileException e) {
                lines = new ArrayList<>();
            }
            if (!change.apply(lines)) {
                return false;
            }
            write(dir, lines, permissions);
            return true;
        }
    }

    private void write(Path dir, List<String> lines, Set<PosixFilePermission> permissions) throws IOException {
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        if (permissions != null) {
            try {
                Files.setPosixFilePermissions(tmp, permissions);
            } catch (UnsupportedOperationException e) {
                Logger.tag("auth").debug("{}: no POSIX permissions on this file system", tmp);
            }
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(dir);
    }

    private static Set<PosixFilePermission> permissionsOf(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename durable on Linux; some systems cannot open a folder for sync, which is harmless.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            Logger.tag("auth").debug("cannot fsync {}: {}", dir, e.getMessage());
        }
    }
}
