package org.tegami.core.maildir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tegami.api.Flag;
import org.tegami.api.MessageInfo;

/**
 * Puts messages into a folder's {@code cur/} for IMAP APPEND, COPY and MOVE: written in
 * {@code tmp/} (or hard-linked from the source file), fsync'd, renamed into place with flags and
 * keyword letters in the name, the folder fsync'd, then given UIDs, all before returning.
 */
final class MessageWriter {

    private final MaildirStore store;
    private final FolderState target;
    private final QuotaCheck quota;

    MessageWriter(MaildirStore store, FolderState target, QuotaCheck quota) {
        this.store = store;
        this.target = target;
        this.quota = quota;
    }

    long append(InputStream content, Set<Flag> flags, Set<String> keywords, Instant date) throws IOException {
        try {
            return write(content, flags, keywords, date);
        } catch (IOException e) {
            throw DiskFull.forClient(e);
        }
    }

    private long write(InputStream content, Set<Flag> flags, Set<String> keywords, Instant date) throws IOException {
        String stem = store.uniqueStem(date);
        Path tmp = target.tmpDir.resolve(stem);
        try {
            LfMessageWriter.Sizes sizes = LfMessageWriter.write(tmp, "", content);
            String base = stem + ",S=" + sizes.fileSize() + ",W=" + sizes.crlfSize();
            String fileName = MaildirFileName.curName(base,
                    MaildirFileName.info(flags, target.keywordIndexes(keywords), ""));
            quota.admit(sizes.fileSize());
            Files.setLastModifiedTime(tmp, FileTime.from(date));
            Files.move(tmp, target.curDir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            Durable.fsyncDirectory(target.curDir);
            return target.addOwn(List.of(new NewFile(fileName, false, sizes.fileSize(),
                    sizes.crlfSize(), date))).get(0);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Copies messages from another folder's state, keeping flags, keywords and internal dates. */
    Map<Long, Long> copyFrom(FolderState source, Set<Long> uids) throws IOException {
        try {
            return copy(source, uids);
        } catch (IOException e) {
            throw DiskFull.forClient(e);
        }
    }

    private Map<Long, Long> copy(FolderState source, Set<Long> uids) throws IOException {
        long bytes = 0;
        for (long uid : uids) {
            FolderEntry e = source.entry(uid);
            bytes += e == null ? 0 : e.fileSize;
        }
        quota.admit(bytes);
        List<Long> copied = new ArrayList<>();
        List<NewFile> files = new ArrayList<>();
        for (long uid : uids) {
            NewFile f = copyOne(source, uid);
            if (f != null) {
                copied.add(uid);
                files.add(f);
            }
        }
        Map<Long, Long> map = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return map;
        }
        Durable.fsyncDirectory(target.curDir);
        List<Long> newUids = target.addOwn(files);
        for (int i = 0; i < copied.size(); i++) {
            map.put(copied.get(i), newUids.get(i));
        }
        return map;
    }

    private NewFile copyOne(FolderState source, long uid) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            FolderEntry e = source.entry(uid);
            Path from = source.path(uid);
            if (e == null || from == null) {
                return null;
            }
            MessageInfo info = e.info;
            String base = store.uniqueStem(info.internalDate()) + ",S=" + e.fileSize + ",W=" + info.size();
            String fileName = MaildirFileName.curName(base,
                    MaildirFileName.info(info.flags(), target.keywordIndexes(info.keywords()), ""));
            try {
                place(from, fileName);
                return new NewFile(fileName, false, e.fileSize, info.size(), info.internalDate());
            } catch (NoSuchFileException renamed) {
                source.sync(true);
            }
        }
        return null;
    }

    /** A hard link when the file system allows, else a copy through tmp/. */
    private void place(Path from, String fileName) throws IOException {
        Path to = target.curDir.resolve(fileName);
        try {
            Files.createLink(to, from);
            return;
        } catch (NoSuchFileException gone) {
            throw gone;
        } catch (UnsupportedOperationException | FileSystemException noLink) {
            // another file system, or links not allowed: copy
        }
        Path tmp = target.tmpDir.resolve(MaildirFileName.baseOf(fileName));
        try {
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Durable.fsync(tmp);
            Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
