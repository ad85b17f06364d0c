package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.MailboxException;

/**
 * The small pieces of a folder scan: a directory's modification stamp, whether it is settled,
 * the listing of file names, and how a STORE combines flags.
 */
final class DirectoryScan {

    /** A directory modified this recently may still change within the same timestamp tick. */
    private static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private DirectoryScan() {
    }

    static long settled(long stamp, long nowNanos) {
        return nowNanos - stamp < SETTLE_NANOS ? -1 : stamp;
    }

    static long stamp(Path dir) throws IOException {
        try {
            return Files.getLastModifiedTime(dir).to(TimeUnit.NANOSECONDS);
        } catch (NoSuchFileException e) {
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "folder is gone");
        }
    }

    /** Collects base name to {in-new flag, file name}; a copy in cur/ wins over one in new/. */
    static void list(Path dir, boolean isNew, Map<String, String[]> found) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String fileName = p.getFileName().toString();
                if (fileName.startsWith(".")) {
                    continue;
                }
                found.put(MaildirFileName.baseOf(fileName), new String[] {isNew ? "n" : "c", fileName});
            }
        }
    }

    /** Present flags changed as a STORE says (RFC 3501 6.4.6). */
    static EnumSet<Flag> combine(Set<Flag> present, FolderView.FlagChange change, Set<Flag> given) {
        EnumSet<Flag> out = EnumSet.noneOf(Flag.class);
        if (change != FolderView.FlagChange.REPLACE) {
            out.addAll(present);
        }
        if (change == FolderView.FlagChange.REMOVE) {
            out.removeAll(given);
        } else {
            out.addAll(given);
        }
        return out;
    }

    /** Present keywords changed as a STORE says; keywords compare case-insensitively. */
    static Set<String> combineKeywords(Set<String> present, FolderView.FlagChange change, Set<String> given) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (change != FolderView.FlagChange.REPLACE) {
            out.addAll(present);
        }
        if (change == FolderView.FlagChange.REMOVE) {
            out.removeAll(given);
        } else {
            out.addAll(given);
        }
        return out;
    }
}
