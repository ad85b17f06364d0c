package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Renaming INBOX (RFC 3501 6.3.5): its messages move into a new folder of the given name and
 * INBOX stays, empty. File names (flags, keyword letters) are kept, so the keyword table is
 * copied along; the new folder gives the messages new UIDs.
 */
final class InboxRename {

    private final MaildirStore store;
    private final Path root;

    InboxRename(MaildirStore store, Path root) {
        this.store = store;
        this.root = root;
    }

    void moveTo(String target) throws IOException {
        Path targetDir = FolderNames.path(root, target);
        int slash = target.lastIndexOf('/');
        if (slash > 0 && !Files.isDirectory(FolderNames.path(root, target.substring(0, slash)).resolve("cur"))) {
            MaildirStore.createMaildir(FolderNames.path(root, target.substring(0, slash)), true);
        }
        MaildirStore.createMaildir(targetDir, true);
        Path keywords = root.resolve(KeywordsFile.NAME);
        if (Files.exists(keywords)) {
            Files.copy(keywords, targetDir.resolve(KeywordsFile.NAME), StandardCopyOption.REPLACE_EXISTING);
        }
        moveAll(root.resolve("new"), targetDir.resolve("new"));
        moveAll(root.resolve("cur"), targetDir.resolve("cur"));
        Durable.fsyncDirectory(targetDir.resolve("new"));
        Durable.fsyncDirectory(targetDir.resolve("cur"));
        Durable.fsyncDirectory(root.resolve("new"));
        Durable.fsyncDirectory(root.resolve("cur"));
        store.changed(root);
    }

    private static void moveAll(Path from, Path to) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(from)) {
            for (Path f : files) {
                try {
                    Files.move(f, to.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                } catch (NoSuchFileException gone) {
                    // expunged meanwhile
                }
            }
        }
    }
}
