package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tegami.api.FolderView;
import org.tegami.api.MailboxException;
import org.tegami.api.MailboxException.Reason;
import org.tegami.api.UserMailbox;

/** One user's Maildir++ folders. Thread-safe: every call works on the disk and the store's shared states. */
final class MaildirUserMailbox implements UserMailbox {

    private final MaildirStore store;
    private final String user;
    private final Path root;

    MaildirUserMailbox(MaildirStore store, String user, Path root) {
        this.store = store;
        this.user = user;
        this.root = root;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public List<FolderInfo> folders() throws IOException {
        TreeSet<String> names = folderNames();
        List<FolderInfo> out = new ArrayList<>();
        out.add(new FolderInfo(FolderNames.INBOX, null, hasChildren(names, FolderNames.INBOX)));
        for (String name : names) {
            if (!name.equals(FolderNames.INBOX)) {
                out.add(new FolderInfo(name, FolderNames.SPECIAL_USE.get(name), hasChildren(names, name)));
            }
        }
        return out;
    }

    private TreeSet<String> folderNames() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                String name = FolderNames.fromDirName(d.getFileName().toString());
                if (name != null && Files.isDirectory(d.resolve("cur"))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static boolean hasChildren(Set<String> names, String name) {
        String prefix = name + "/";
        return names.stream().anyMatch(n -> n.startsWith(prefix));
    }

    private boolean exists(String canonical) {
        return Files.isDirectory(FolderNames.path(root, canonical).resolve("cur"));
    }

    @Override
    public void create(String name) throws IOException {
        String canonical = FolderNames.canonical(name);
        if (exists(canonical)) {
            throw new MailboxException(Reason.ALREADY_EXISTS, "folder exists");
        }
        String[] parts = canonical.split("/");
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            prefix.append(prefix.length() == 0 ? "" : "/").append(part);
            String level = prefix.toString();
            if (!level.equals(FolderNames.INBOX) && !exists(level)) {
                MaildirStore.createMaildir(FolderNames.path(root, level), true);
            }
        }
    }

    @Override
    public void delete(String name) throws IOException {
        String canonical = FolderNames.canonical(name);
        if (canonical.equals(FolderNames.INBOX)) {
            throw new MailboxException(Reason.CANNOT, "INBOX cannot be deleted");
        }
        if (!exists(canonical)) {
            throw new MailboxException(Reason.NONEXISTENT, "no such folder");
        }
        Path dir = FolderNames.path(root, canonical);
        store.forget(dir);
        // Out of sight at once by rename; children stay (RFC 3501 6.3.4), being separate Maildir++ folders.
        Path trash = root.resolve("tmp").resolve("deleted-" + System.nanoTime());
        Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        Durable.fsyncDirectory(root);
        deleteTree(trash);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void rename(String from, String to) throws IOException {
        String source = FolderNames.canonical(from);
        String target = FolderNames.canonical(to);
        if (!exists(source)) {
            throw new MailboxException(Reason.NONEXISTENT, "no such folder");
        }
        if (target.equals(FolderNames.INBOX) || exists(target)) {
            throw new MailboxException(Reason.ALREADY_EXISTS, "target folder exists");
        }
        if (target.startsWith(source + "/")) {
            throw new MailboxException(Reason.CANNOT, "cannot move a folder into itself");
        }
        if (source.equals(FolderNames.INBOX)) {
            new InboxRename(store, root).moveTo(target);
            return;
        }
        int slash = target.lastIndexOf('/');
        if (slash > 0 && !exists(target.substring(0, slash))) {
            create(target.substring(0, slash));
        }
        String sourceDir = FolderNames.dirName(source);
        String targetDir = FolderNames.dirName(target);
        List<Path> moving = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
            for (Path d : dirs) {
                String n = d.getFileName().toString();
                if (n.equals(sourceDir) || n.startsWith(sourceDir + ".")) {
                    moving.add(d);
                }
            }
        }
        store.forget(root.resolve(sourceDir));
        for (Path d : moving) {
            String n = d.getFileName().toString();
            Files.move(d, root.resolve(targetDir + n.substring(sourceDir.length())), StandardCopyOption.ATOMIC_MOVE);
        }
        Durable.fsyncDirectory(root);
        SubscriptionsFile.rename(root, source, target);
    }

    @Override
    public Set<String> subscriptions() throws IOException {
        return SubscriptionsFile.read(root);
    }

    @Override
    public void subscribe(String name) throws IOException {
        SubscriptionsFile.addAll(root, List.of(FolderNames.canonical(name)));
    }

    @Override
    public void unsubscribe(String name) throws IOException {
        SubscriptionsFile.remove(root, FolderNames.canonical(name));
    }

    @Override
    public FolderStatus status(String name) throws IOException {
        FolderState s = acquire(name);
        try {
            s.sync(false);
            int[] c = s.counts();
            return new FolderStatus(c[0], c[1], c[2], s.uidNext(), s.uidValidity(), s.totalCrlfSize());
        } finally {
            store.release(s);
        }
    }

    @Override
    public FolderView open(String name, boolean readOnly) throws IOException {
        String canonical = FolderNames.canonical(name);
        FolderState s = acquire(canonical);
        try {
            return new MaildirFolderView(store, this, canonical, s, readOnly);
        } catch (IOException | RuntimeException e) {
            store.release(s);
            throw e;
        }
    }

    private FolderState acquire(String name) throws IOException {
        String canonical = FolderNames.canonical(name);
        if (!exists(canonical)) {
            throw new MailboxException(Reason.NONEXISTENT, "no such folder");
        }
        return store.acquire(FolderNames.path(root, canonical));
    }

    /** The directory of an existing folder, for copy and move targets. */
    Path existingFolder(String name) throws IOException {
        String canonical = FolderNames.canonical(name);
        if (!exists(canonical)) {
            throw new MailboxException(Reason.NONEXISTENT, "no such folder");
        }
        return FolderNames.path(root, canonical);
    }

    @Override
    public long usedBytes() throws IOException {
        return store.usedBytes(root);
    }

    @Override
    public long quotaBytes() {
        return store.quota(user);
    }
}
