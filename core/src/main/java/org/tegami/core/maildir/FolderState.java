package org.tegami.core.maildir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.MailboxException;
import org.tegami.api.MessageInfo;

/**
 * The in-memory state of one Maildir folder, shared by every view and by delivery in this
 * process (one per folder, reference counted by {@link MaildirStore}). It knows each message's
 * UID, file, sizes, flags, keywords and internal date, and keeps them in step with the disk:
 * {@link #sync} stats {@code new/} and {@code cur/} and lists only a folder whose modification
 * time moved, so an unchanged folder costs two stats however many messages it holds.
 *
 * <p>All methods that touch the entries hold this object's monitor; change signals for
 * waiting views use a separate monitor so waiting never blocks the folder.
 */
final class FolderState {

    final Path dir;
    final Path newDir;
    final Path curDir;
    final Path tmpDir;
    private final UidListFile uidListFile;
    private final TreeMap<Long, FolderEntry> byUid = new TreeMap<>();
    private final Map<String, FolderEntry> byBase = new HashMap<>();
    /** UIDs of messages still in new/, so claiming them does not walk the whole folder. */
    private final TreeSet<Long> newUids = new TreeSet<>();
    private KeywordTable keywords = new KeywordTable();
    /** The uidlist as last read, until its UIDs are taken over by the entries. */
    private UidList uidListRead;
    /** Lines in the uidlist as we last wrote it, or -1 when another program may have written it. */
    private int uidListLines = -1;
    private long uidValidity;
    private long nextUid = 1;
    private String guid;
    private long newStamp = -1;
    private long curStamp = -1;
    private boolean curStampUnconfirmed;
    private long modseq;
    private boolean cacheDirty;
    int refs;
    /** When {@link #refs} last dropped to 0; the store keeps an unused state a while. */
    java.time.Instant unusedSince;

    private final ChangeSignal changes = new ChangeSignal();

    private FolderState(Path dir) {
        this.dir = dir;
        this.newDir = dir.resolve("new");
        this.curDir = dir.resolve("cur");
        this.tmpDir = dir.resolve("tmp");
        this.uidListFile = new UidListFile(dir);
    }

    /** Loads a folder's state from its uidlist and our cache, then brings it up to date. */
    static FolderState load(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("cur"))) {
            throw new MailboxException(MailboxException.Reason.NONEXISTENT, "no such folder");
        }
        FolderState s = new FolderState(dir);
        synchronized (s) {
            s.keywords = KeywordsFile.read(dir);
            UidList list = s.uidListFile.read();
            s.uidListRead = list;
            if (list != null) {
                s.uidValidity = list.uidValidity;
                s.nextUid = list.nextUid;
                s.guid = list.guid;
            }
            FolderCacheFile.Contents cache = FolderCacheFile.read(dir);
            if (list != null && cache != null && cache.uidValidity() == list.uidValidity) {
                s.loadCache(cache);
            }
            s.sync(list == null);
            if (s.uidValidity == 0) {
                s.register(List.of());
            }
        }
        return s;
    }

    private void loadCache(FolderCacheFile.Contents cache) {
        for (FolderCacheFile.Line l : cache.lines()) {
            MaildirFileName name = MaildirFileName.parse(l.fileName());
            FolderEntry e = new FolderEntry(l.uid(), name.base(), l.fileSize(), l.crlfSize(),
                    Instant.ofEpochMilli(l.internalDateMillis()), l.inNew(), l.fileName(), name.flags(),
                    keywords.names(name.keywordIndexes()));
            put(e);
            nextUid = Math.max(nextUid, e.uid + 1);
        }
        newStamp = cache.newStamp();
        curStamp = cache.curStamp();
    }

    /**
     * Brings the state up to date with the disk: lists {@code new/} or {@code cur/} only when
     * its modification time moved (or {@code force}), gives new files UIDs and drops vanished
     * ones. Signals waiting views if that changed anything: whichever finds another program's
     * change first (a session's refresh or the rescan), the others hear of it.
     */
    synchronized void sync(boolean force) throws IOException {
        long before = modseq;
        syncWithDisk(force);
        if (modseq != before) {
            signal();
        }
    }

    private void syncWithDisk(boolean force) throws IOException {
        long nowNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        long newNow = DirectoryScan.stamp(newDir);
        long curNow = DirectoryScan.stamp(curDir);
        boolean scanNew = force || newNow != newStamp || newNow < 0;
        boolean scanCur = force || curNow != curStamp || curNow < 0;
        if (!scanNew && !scanCur) {
            return;
        }
        Map<String, String[]> found = new HashMap<>();
        if (scanNew) {
            DirectoryScan.list(newDir, true, found);
        }
        if (scanCur) {
            DirectoryScan.list(curDir, false, found);
        }
        reconcile(found, scanNew, scanCur);
        newStamp = DirectoryScan.settled(newNow, nowNanos);
        curStamp = DirectoryScan.settled(curNow, nowNanos);
        cacheDirty = true;
    }

    private void reconcile(Map<String, String[]> found, boolean scanNew, boolean scanCur) throws IOException {
        boolean keywordsReread = false;
        for (FolderEntry e : new ArrayList<>(byUid.values())) {
            String[] f = found.remove(e.base);
            if (f == null) {
                if ((e.inNew && scanNew) || (!e.inNew && scanCur)) {
                    remove(e);
                }
                continue;
            }
            boolean nowInNew = f[0].equals("n");
            if (nowInNew == e.inNew && f[1].equals(e.fileName)) {
                continue;
            }
            MaildirFileName name = MaildirFileName.parse(f[1]);
            if (!keywordsReread && unknownKeyword(name)) {
                keywords = KeywordsFile.read(dir);
                keywordsReread = true;
            }
            if (e.update(nowInNew, f[1], name.flags(), keywords.names(name.keywordIndexes()))) {
                modseq++;
            }
            trackNew(e);
        }
        if (!found.isEmpty()) {
            addNewFiles(found);
        }
    }

    private boolean unknownKeyword(MaildirFileName name) {
        for (int i : name.keywordIndexes()) {
            if (keywords.name(i) == null) {
                return true;
            }
        }
        return false;
    }

    private void put(FolderEntry e) {
        byUid.put(e.uid, e);
        byBase.put(e.base, e);
        trackNew(e);
    }

    private void trackNew(FolderEntry e) {
        if (e.inNew) {
            newUids.add(e.uid);
        } else {
            newUids.remove(e.uid);
        }
    }

    private void remove(FolderEntry e) {
        byUid.remove(e.uid);
        byBase.remove(e.base);
        newUids.remove(e.uid);
        modseq++;
    }

    /** Files found on disk that we do not know: read their sizes and give them UIDs. */
    private void addNewFiles(Map<String, String[]> found) throws IOException {
        List<NewFile> files = new ArrayList<>();
        for (String[] f : found.values()) {
            Path path = (f[0].equals("n") ? newDir : curDir).resolve(f[1]);
            NewFile nf = NewFile.inspect(path, f[0].equals("n"));
            if (nf != null) {
                files.add(nf);
            }
        }
        files.sort((a, b) -> a.name.base().compareTo(b.name.base()));
        register(files);
    }

    /** Gives files UIDs (the uidlist's, if Dovecot already gave one) and rewrites the uidlist under its lock. */
    private void register(List<NewFile> files) throws IOException {
        if (keywordsMissing(files)) {
            keywords = KeywordsFile.read(dir);
        }
        try (DotLock lock = DotLock.acquire(uidListFile.path())) {
            boolean foreign = uidListFile.changedSinceSeen();
            UidList disk = foreign ? uidListFile.read() : uidListRead;
            boolean append = !foreign && disk == null && uidListLines >= 0 && !files.isEmpty()
                    && uidListLines - byUid.size() <= byUid.size() / 4 + 16;
            if (disk != null) {
                if (uidValidity == 0) {
                    uidValidity = disk.uidValidity;
                    guid = disk.guid;
                }
                nextUid = Math.max(nextUid, disk.nextUid);
            }
            if (uidValidity == 0) {
                uidValidity = Instant.now().getEpochSecond();
            }
            if (guid == null || guid.isEmpty()) {
                guid = randomGuid();
            }
            StringBuilder appended = new StringBuilder();
            int added = 0;
            for (NewFile f : knownUidsFirst(files, disk)) {
                if (byBase.containsKey(f.name.base())) {
                    // our own new file, already found by a rescan between its rename and this call
                    continue;
                }
                UidList.Entry known = disk == null ? null : disk.entries.get(f.name.base());
                // A UID below one already shown would break the views' ascending order: such a file gets a new one.
                long maxUid = byUid.isEmpty() ? 0 : byUid.lastKey();
                long uid = known != null && known.uid() > maxUid ? known.uid() : nextUid++;
                nextUid = Math.max(nextUid, uid + 1);
                long crlfSize = f.crlfSize;
                if (known != null && f.name.sizeField('W') < 0 && known.extensions().containsKey('W')) {
                    crlfSize = parseSize(known.extensions().get('W'), crlfSize);
                }
                FolderEntry e = new FolderEntry(uid, f.name.base(), f.fileSize, crlfSize, f.internalDate, f.inNew,
                        f.fileName, f.name.flags(), keywords.names(f.name.keywordIndexes()));
                put(e);
                modseq++;
                appended.append(UidList.line(uid, e.fileName, crlfSize, e.fileSize));
                added++;
            }
            if (append) {
                // Dovecot appends new records the same way; the header's N may lag behind them (version 3)
                Files.writeString(uidListFile.path(), appended, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Durable.fsync(uidListFile.path());
                uidListLines += added;
            } else {
                lock.replace(formatUidList(disk != null ? disk : uidListFile.read()));
                uidListLines = byUid.size();
            }
            uidListFile.markSeen();
            uidListRead = null;
        }
        cacheDirty = true;
    }

    /** Files the uidlist knows, by their UID, then the others in name order (arrival order for qmail names). */
    private static List<NewFile> knownUidsFirst(List<NewFile> files, UidList disk) {
        if (disk == null) {
            return files;
        }
        List<NewFile> sorted = new ArrayList<>(files);
        sorted.sort((a, b) -> {
            UidList.Entry ka = disk.entries.get(a.name.base());
            UidList.Entry kb = disk.entries.get(b.name.base());
            if (ka != null && kb != null) {
                return Long.compare(ka.uid(), kb.uid());
            }
            if (ka != null || kb != null) {
                return ka != null ? -1 : 1;
            }
            return a.name.base().compareTo(b.name.base());
        });
        return sorted;
    }

    private static long parseSize(String value, long fallback) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private boolean keywordsMissing(List<NewFile> files) {
        return files.stream().anyMatch(f -> unknownKeyword(f.name));
    }

    /** The whole uidlist; other programs' record extensions (Dovecot's POP3 UIDL, GUID) are kept. */
    private String formatUidList(UidList previous) {
        UidList header = new UidList();
        header.uidValidity = uidValidity;
        header.nextUid = nextUid;
        header.guid = guid;
        List<String> lines = new ArrayList<>(byUid.size());
        for (FolderEntry e : byUid.values()) {
            UidList.Entry old = previous == null ? null : previous.entries.get(e.base);
            String line = UidList.line(e.uid, e.fileName, e.info.size(), e.fileSize);
            if (old != null && old.uid() == e.uid) {
                line = UidList.withExtensions(line, old.extensions());
            }
            lines.add(line);
        }
        return header.format(lines);
    }

    private static String randomGuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%016x%016x", r.nextLong(), r.nextLong());
    }

    /** Adds files we placed in {@code cur/} ourselves (append, copy); returns their UIDs in order. */
    synchronized List<Long> addOwn(List<NewFile> files) throws IOException {
        register(files);
        List<Long> uids = new ArrayList<>(files.size());
        for (NewFile f : files) {
            FolderEntry e = byBase.get(f.name.base());
            if (e == null) {
                throw new MailboxException(MailboxException.Reason.EXPUNGED, "message was expunged at once");
            }
            uids.add(e.uid);
        }
        signal();
        return uids;
    }

    /**
     * Moves every message still in {@code new/} to {@code cur/} (Dovecot's \Recent): the caller
     * is the first read-write view to see them. Returns their UIDs.
     */
    synchronized List<Long> claimNew() throws IOException {
        List<Long> claimed = new ArrayList<>();
        for (long uid : new ArrayList<>(newUids)) {
            FolderEntry e = byUid.get(uid);
            String target = e.fileName.indexOf(':') >= 0 ? e.fileName : e.fileName + ":2,";
            try {
                Files.move(newDir.resolve(e.fileName), curDir.resolve(target));
            } catch (NoSuchFileException gone) {
                continue;
            }
            e.update(false, target, e.info.flags(), e.info.keywords());
            trackNew(e);
            modseq++;
            claimed.add(e.uid);
        }
        if (!claimed.isEmpty()) {
            cacheDirty = true;
        }
        return claimed;
    }

    /** The state's change counter: equal values mean nothing a view sees has changed. */
    synchronized long modseq() {
        return modseq;
    }

    /** The messages in ascending UID, {@code recent} meaning "in new/". */
    synchronized List<MessageInfo> infos() {
        List<MessageInfo> out = new ArrayList<>(byUid.size());
        for (FolderEntry e : byUid.values()) {
            out.add(e.info);
        }
        return out;
    }

    synchronized long uidValidity() {
        return uidValidity;
    }

    synchronized long uidNext() {
        return nextUid;
    }

    synchronized KeywordTable keywords() {
        return keywords;
    }

    synchronized boolean containsBase(String base) {
        return byBase.containsKey(base);
    }

    /** The current file of a message, or {@code null} if it is gone. */
    synchronized Path path(long uid) {
        FolderEntry e = byUid.get(uid);
        return e == null ? null : (e.inNew ? newDir : curDir).resolve(e.fileName);
    }

    synchronized FolderEntry entry(long uid) {
        return byUid.get(uid);
    }

    /**
     * Combines new flags and keywords with a message's present ones and renames its file to
     * match, moving it from new/ to cur/ if needed; under the lock, so concurrent stores of two
     * sessions both count.
     */
    synchronized MessageInfo store(long uid, FolderView.FlagChange change, Set<Flag> flags, Set<String> names)
            throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            FolderEntry e = byUid.get(uid);
            if (e == null) {
                throw new MailboxException(MailboxException.Reason.EXPUNGED, "message was expunged");
            }
            EnumSet<Flag> newFlags = DirectoryScan.combine(e.info.flags(), change, flags);
            Set<String> newKeywords = DirectoryScan.combineKeywords(e.info.keywords(), change, names);
            Set<Integer> indexes = keywordIndexes(newKeywords);
            String otherLetters = MaildirFileName.parse(e.fileName).otherLetters();
            String target = MaildirFileName.curName(e.base, MaildirFileName.info(newFlags, indexes, otherLetters));
            Path from = (e.inNew ? newDir : curDir).resolve(e.fileName);
            try {
                if (!from.equals(curDir.resolve(target))) {
                    long before = e.inNew ? -1 : DirectoryScan.stamp(curDir);
                    Files.move(from, curDir.resolve(target));
                    noteOwnRename(before);
                }
            } catch (NoSuchFileException moved) {
                sync(true);
                continue;
            }
            boolean wasNew = e.inNew;
            boolean changed = e.update(false, target, newFlags, keywords.names(indexes));
            if (wasNew) {
                trackNew(e);
            }
            if (changed) {
                modseq++;
                cacheDirty = true;
                signal();
            }
            return e.info;
        }
        throw new MailboxException(MailboxException.Reason.EXPUNGED, "message was expunged");
    }

    /** Indexes for keywords, adding new ones to {@code dovecot-keywords}. */
    synchronized Set<Integer> keywordIndexes(Set<String> names) throws IOException {
        if (names.stream().anyMatch(k -> keywords.indexOf(k) < 0)) {
            keywords = KeywordsFile.add(dir, names);
        }
        return keywords.indexes(names);
    }

    /** Deletes messages' files; durable before returning. */
    synchronized void expunge(Collection<Long> uids) throws IOException {
        boolean any = false;
        for (long uid : uids) {
            FolderEntry e = byUid.get(uid);
            if (e == null) {
                continue;
            }
            try {
                Files.delete((e.inNew ? newDir : curDir).resolve(e.fileName));
            } catch (NoSuchFileException moved) {
                sync(true);
                Path p = path(uid);
                if (p != null) {
                    Files.deleteIfExists(p);
                }
            }
            FolderEntry still = byUid.get(uid);
            if (still != null) {
                remove(still);
            }
            any = true;
        }
        if (any) {
            Durable.fsyncDirectory(curDir);
            Durable.fsyncDirectory(newDir);
            cacheDirty = true;
            signal();
        }
    }

    /** Counts for IMAP STATUS. */
    synchronized int[] counts() {
        int unseen = 0;
        for (FolderEntry e : byUid.values()) {
            if (!e.info.has(Flag.SEEN)) {
                unseen++;
            }
        }
        return new int[] {byUid.size(), newUids.size(), unseen};
    }

    synchronized long totalCrlfSize() {
        long sum = 0;
        for (FolderEntry e : byUid.values()) {
            sum += e.info.size();
        }
        return sum;
    }

    /** Writes our cache file if the state changed since it was last written. */
    synchronized void saveCache() throws IOException {
        if (cacheDirty && uidValidity != 0) {
            FolderCacheFile.write(dir, uidValidity, newStamp, curStamp, byUid.values());
            cacheDirty = false;
        }
    }

    /**
     * After a flag change renamed a file within {@code cur/}: when nothing else had changed the
     * folder before (its time stamp was the one last listed), the new time stamp is ours, so
     * the next refresh need not list {@code cur/} again; a STORE-heavy session would otherwise
     * list a big folder after every command. Another program's change within the same
     * time-stamp tick would hide behind ours, so such a stamp counts as unconfirmed until the
     * periodic rescan lists the folder once it has settled.
     */
    private void noteOwnRename(long stampBefore) throws IOException {
        if (stampBefore >= 0 && stampBefore == curStamp) {
            curStamp = DirectoryScan.stamp(curDir);
            curStampUnconfirmed = true;
        }
    }

    /** For the periodic rescan: syncs, which signals waiting views if anything changed. */
    synchronized void rescan() throws IOException {
        long nowNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        boolean confirm = curStampUnconfirmed && DirectoryScan.settled(curStamp, nowNanos) >= 0;
        if (confirm) {
            curStampUnconfirmed = false;
        }
        sync(confirm);
    }

    /** Wakes views waiting in {@link #awaitSignal}. */
    void signal() {
        changes.signal();
    }

    long signals() {
        return changes.count();
    }

    long awaitSignal(long seen, Duration timeout) throws InterruptedException {
        return changes.await(seen, timeout);
    }

    /** Calls {@code listener} after every {@link #signal}, until removed. */
    void addListener(Runnable listener) {
        changes.addListener(listener);
    }

    void removeListener(Runnable listener) {
        changes.removeListener(listener);
    }
}
