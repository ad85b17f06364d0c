package org.tegami.core.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The folders of one spool directory and the durable-file primitives every writer uses:
 * write in {@code tmp/}, force, rename into place, force the directory.
 */
public record SpoolFiles(Path root) {

    /** Files being written; never read by anyone but their writer. */
    public Path tmp() {
        return root.resolve("tmp");
    }

    /** Committed message bodies, {@code msg/<id>}. */
    public Path messages() {
        return root.resolve("msg");
    }

    /** Envelope files of entries waiting for delivery, {@code queue/<id>}: the commit point. */
    public Path queue() {
        return root.resolve("queue");
    }

    /** Envelope files claimed by a delivery worker, {@code active/<id>}; mtime is the lease. */
    public Path active() {
        return root.resolve("active");
    }

    /**
     * Where any tool drops a message to be queued. Made mode 1733 when created (like Postfix's
     * old world-writable maildrop): every local user may drop a file, nobody but the owner
     * of the spool may list the folder or remove another user's file.
     */
    public Path incoming() {
        return root.resolve("incoming");
    }

    /** Prefix of a file still being written into {@code incoming/}; pickup leaves it alone. */
    public static final String DROP_PREFIX = ".drop-";

    /** Damaged entries moved aside, never deleted. */
    public Path corrupt() {
        return root.resolve("corrupt");
    }

    /** Creates the folders (and makes their creation durable). */
    public SpoolFiles create() throws IOException {
        Files.createDirectories(root);
        for (Path p : new Path[] {tmp(), messages(), queue(), active(), incoming(), corrupt()}) {
            if (!Files.isDirectory(p)) {
                Files.createDirectories(p);
                if (p.equals(incoming())) {
                    openForLocalUsers(p);
                }
                forceDirectory(root);
            }
        }
        return this;
    }

    /** rwx-wx-wt: write and traverse for all, sticky so that a file is removed only by its owner or ours. */
    private static void openForLocalUsers(Path dir) throws IOException {
        try {
            Files.setAttribute(dir, "unix:mode", 01733);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // not a Unix file system: only the spool's owner can submit, which is safe
        }
    }

    /** fsync of a directory, so that renames into it survive a crash. */
    public static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Renames atomically (same filesystem), replacing the target. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("spool folders must be on one filesystem: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code target} with {@code text} atomically and durably: tmp file, force,
     * rename, force the target's directory.
     */
    public void replaceDurably(Path target, String text) throws IOException {
        Path tmp = tmp().resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + "." + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())
                + ".tmp");
        writeForced(tmp, text.getBytes(StandardCharsets.UTF_8));
        move(tmp, target);
        forceDirectory(target.getParent());
    }

    /** Writes a new file and forces its content to disk. */
    public static void writeForced(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }
}
