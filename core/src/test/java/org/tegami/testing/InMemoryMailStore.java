package org.tegami.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.MailStore;
import org.tegami.api.MailboxException;
import org.tegami.api.MailboxException.Reason;
import org.tegami.api.MessageInfo;
import org.tegami.api.UserMailbox;

/**
 * A {@link MailStore} held in memory, for protocol tests that need no Maildir. It keeps the
 * API's promises: folder-name rules, INBOX case-insensitive, special-use folders for new users,
 * snapshot views that change only in {@code refresh()} and report what changed, {@code \Recent}
 * for the first writable view that sees a message, and {@code awaitChange} woken by any change
 * to the folder. Thread-safe: one lock per user guards that user's folders.
 */
public final class InMemoryMailStore implements MailStore {

    private static final AtomicLong UID_VALIDITY = new AtomicLong(Instant.now().getEpochSecond());
    private static final List<String[]> SPECIAL = List.of(new String[] {"Sent", "\\Sent"},
            new String[] {"Drafts", "\\Drafts"}, new String[] {"Trash", "\\Trash"},
            new String[] {"Junk", "\\Junk"}, new String[] {"Archive", "\\Archive"});

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public UserMailbox mailbox(String user) {
        return accounts.computeIfAbsent(user.toLowerCase(Locale.ROOT), Account::new);
    }

    /** Delivers a message into a user's folder as local delivery would; returns its UID. */
    public long deliver(String user, String folder, String message) throws IOException {
        return deliver(user, folder, message.getBytes(java.nio.charset.StandardCharsets.UTF_8), Set.of());
    }

    /** Delivers raw bytes (any line ends) with the given flags; returns the UID. */
    public long deliver(String user, String folder, byte[] message, Set<Flag> flags) throws IOException {
        Account account = (Account) mailbox(user);
        synchronized (account) {
            long uid = account.folder(folder).add(crlf(message), flags, Set.of(), Instant.now());
            account.notifyAll();
            return uid;
        }
    }

    static byte[] crlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 20);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(b);
            if (b == '\r' && (i + 1 == in.length || in[i + 1] != '\n')) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /** A stored message; flags and keywords change under the account lock. */
    private static final class Stored {
        final long uid;
        final String key;
        final byte[] content;
        final Instant internalDate;
        Set<Flag> flags;
        Set<String> keywords;
        boolean recentClaimed;

        Stored(long uid, String key, byte[] content, Set<Flag> flags, Set<String> keywords, Instant date) {
            this.uid = uid;
            this.key = key;
            this.content = content;
            this.internalDate = date;
            this.flags = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
            this.keywords = new TreeSet<>(keywords);
        }

        MessageInfo info(boolean recent) {
            return new MessageInfo(uid, key, content.length, flags, keywords, internalDate, recent);
        }
    }

    /** One folder's messages. */
    private static final class Folder {
        final long uidValidity = UID_VALIDITY.incrementAndGet();
        final TreeMap<Long, Stored> messages = new TreeMap<>();
        long uidNext = 1;
        long version;

        long add(byte[] content, Set<Flag> flags, Set<String> keywords, Instant date) {
            long uid = uidNext++;
            messages.put(uid, new Stored(uid, "mem" + uidValidity + "." + uid, content, flags, keywords,
                    date == null ? Instant.now() : date));
            changed();
            return uid;
        }

        void changed() {
            version++;
        }
    }

    /** One user's folders; its monitor is the lock for all of them. */
    private static final class Account implements UserMailbox {
        final String user;
        final Map<String, Folder> folders = new TreeMap<>();
        final Set<String> subscriptions = new TreeSet<>();

        Account(String user) {
            this.user = user;
            folders.put("INBOX", new Folder());
            for (String[] s : SPECIAL) {
                folders.put(s[0], new Folder());
                subscriptions.add(s[0]);
            }
            subscriptions.add("INBOX");
        }

        @Override
        public String user() {
            return user;
        }

        static String normalize(String name) throws MailboxException {
            if (name.equalsIgnoreCase("INBOX")) {
                return "INBOX";
            }
            if (name.regionMatches(true, 0, "INBOX/", 0, 6)) {
                name = "INBOX" + name.substring(5);
            }
            if (name.isEmpty() || name.startsWith("/")) {
                throw new MailboxException(Reason.INVALID_NAME, "Invalid mailbox name");
            }
            for (String part : name.split("/", -1)) {
                if (part.isEmpty() || part.contains(".") || part.equals("..")) {
                    throw new MailboxException(Reason.INVALID_NAME, "Invalid mailbox name");
                }
                for (int i = 0; i < part.length(); i++) {
                    if (Character.isISOControl(part.charAt(i))) {
                        throw new MailboxException(Reason.INVALID_NAME, "Invalid mailbox name");
                    }
                }
            }
            return name;
        }

        Folder folder(String name) throws MailboxException {
            Folder f = folders.get(normalize(name));
            if (f == null) {
                throw new MailboxException(Reason.NONEXISTENT, "Mailbox doesn't exist: " + name);
            }
            return f;
        }

        @Override
        public synchronized List<FolderInfo> folders() {
            List<FolderInfo> out = new ArrayList<>();
            for (String name : folders.keySet()) {
                String special = null;
                for (String[] s : SPECIAL) {
                    if (s[0].equals(name)) {
                        special = s[1];
                    }
                }
                boolean children = folders.keySet().stream().anyMatch(n -> n.startsWith(name + "/"));
                FolderInfo info = new FolderInfo(name, special, children);
                if (name.equals("INBOX")) {
                    out.add(0, info);
                } else {
                    out.add(info);
                }
            }
            return out;
        }

        @Override
        public synchronized void create(String name) throws IOException {
            String n = normalize(name);
            if (folders.containsKey(n)) {
                throw new MailboxException(Reason.ALREADY_EXISTS, "Mailbox already exists");
            }
            String[] parts = n.split("/");
            StringBuilder path = new StringBuilder();
            for (String part : parts) {
                path.append(path.length() == 0 ? "" : "/").append(part);
                folders.putIfAbsent(path.toString(), new Folder());
            }
        }

        @Override
        public synchronized void delete(String name) throws IOException {
            String n = normalize(name);
            if (n.equals("INBOX")) {
                throw new MailboxException(Reason.CANNOT, "INBOX cannot be deleted");
            }
            Folder f = folder(n);
            folders.remove(n);
            f.changed();
            notifyAll();
        }

        @Override
        public synchronized void rename(String from, String to) throws IOException {
            String src = normalize(from);
            String dst = normalize(to);
            Folder f = folder(src);
            if (folders.containsKey(dst)) {
                throw new MailboxException(Reason.ALREADY_EXISTS, "Target mailbox already exists");
            }
            if (src.equals("INBOX")) {
                create(dst);
                Folder target = folders.get(dst);
                for (Stored s : f.messages.values()) {
                    target.add(s.content, s.flags, s.keywords, s.internalDate);
                }
                f.messages.clear();
                f.changed();
                notifyAll();
                return;
            }
            if (dst.startsWith(src + "/")) {
                throw new MailboxException(Reason.CANNOT, "Cannot rename a mailbox into itself");
            }
            Map<String, Folder> moved = new LinkedHashMap<>();
            for (Map.Entry<String, Folder> e : folders.entrySet()) {
                if (e.getKey().equals(src) || e.getKey().startsWith(src + "/")) {
                    moved.put(dst + e.getKey().substring(src.length()), e.getValue());
                }
            }
            folders.keySet().removeIf(k -> k.equals(src) || k.startsWith(src + "/"));
            int slash = dst.lastIndexOf('/');
            if (slash > 0) {
                String parent = dst.substring(0, slash);
                if (!folders.containsKey(parent)) {
                    create(parent);
                }
            }
            folders.putAll(moved);
        }

        @Override
        public synchronized Set<String> subscriptions() {
            return Set.copyOf(subscriptions);
        }

        @Override
        public synchronized void subscribe(String name) throws IOException {
            subscriptions.add(normalize(name));
        }

        @Override
        public synchronized void unsubscribe(String name) throws IOException {
            subscriptions.remove(normalize(name));
        }

        @Override
        public synchronized FolderStatus status(String name) throws IOException {
            Folder f = folder(name);
            int recent = 0;
            int unseen = 0;
            long size = 0;
            for (Stored s : f.messages.values()) {
                recent += s.recentClaimed ? 0 : 1;
                unseen += s.flags.contains(Flag.SEEN) ? 0 : 1;
                size += s.content.length;
            }
            return new FolderStatus(f.messages.size(), recent, unseen, f.uidNext, f.uidValidity, size);
        }

        @Override
        public synchronized FolderView open(String name, boolean readOnly) throws IOException {
            String n = normalize(name);
            return new View(this, n, folder(n), readOnly);
        }

        @Override
        public synchronized long usedBytes() {
            return folders.values().stream().flatMap(f -> f.messages.values().stream())
                    .mapToLong(s -> s.content.length).sum();
        }
    }

    /** A session's snapshot of one folder. */
    private static final class View implements FolderView {
        private final Account account;
        private final String name;
        private final Folder folder;
        private final boolean readOnly;
        private final Set<Long> recentHere = new TreeSet<>();
        private List<MessageInfo> snapshot;
        private boolean claimed;
        private long seenVersion;
        private boolean closed;

        View(Account account, String name, Folder folder, boolean readOnly) {
            this.account = account;
            this.name = name;
            this.folder = folder;
            this.readOnly = readOnly;
            List<MessageInfo> initial = new ArrayList<>(folder.messages.size());
            for (Stored m : folder.messages.values()) {
                initial.add(m.info(readOnly && !m.recentClaimed));
            }
            this.snapshot = List.copyOf(initial);
            this.seenVersion = folder.version;
        }

        /**
         * Claims \Recent for the opening snapshot when its messages are first looked at, so a
         * view opened only to append or copy does not take it from the sessions that read them.
         */
        private List<MessageInfo> snapshot() {
            synchronized (account) {
                if (!claimed) {
                    claimed = true;
                    List<MessageInfo> withRecent = new ArrayList<>(snapshot.size());
                    for (MessageInfo m : snapshot) {
                        Stored s = folder.messages.get(m.uid());
                        if (s != null && !s.recentClaimed && !readOnly) {
                            s.recentClaimed = true;
                            recentHere.add(s.uid);
                        }
                        withRecent.add(new MessageInfo(m.uid(), m.key(), m.size(), m.flags(), m.keywords(),
                                m.internalDate(), recentHere.contains(m.uid()) || m.recent()));
                    }
                    snapshot = List.copyOf(withRecent);
                }
                return snapshot;
            }
        }

        /** Builds the folder's present state as this view sees it; caller holds the lock. */
        private List<MessageInfo> current() {
            List<MessageInfo> out = new ArrayList<>(folder.messages.size());
            for (Stored s : folder.messages.values()) {
                if (!s.recentClaimed && !readOnly) {
                    s.recentClaimed = true;
                    recentHere.add(s.uid);
                }
                boolean recent = recentHere.contains(s.uid) || (readOnly && !s.recentClaimed);
                out.add(s.info(recent));
            }
            return out;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean isReadOnly() {
            return readOnly;
        }

        @Override
        public long uidValidity() {
            return folder.uidValidity;
        }

        @Override
        public long uidNext() {
            synchronized (account) {
                return folder.uidNext;
            }
        }

        @Override
        public List<MessageInfo> messages() {
            return snapshot();
        }

        @Override
        public FolderChanges refresh() {
            synchronized (account) {
                List<MessageInfo> previous = snapshot();
                List<MessageInfo> now = current();
                Map<Long, MessageInfo> before = new LinkedHashMap<>();
                for (MessageInfo m : previous) {
                    before.put(m.uid(), m);
                }
                List<MessageInfo> added = new ArrayList<>();
                List<MessageInfo> changed = new ArrayList<>();
                for (MessageInfo m : now) {
                    MessageInfo old = before.remove(m.uid());
                    if (old == null) {
                        added.add(m);
                    } else if (!old.flags().equals(m.flags()) || !old.keywords().equals(m.keywords())) {
                        changed.add(m);
                    }
                }
                snapshot = List.copyOf(now);
                seenVersion = folder.version;
                return new FolderChanges(added, changed, new ArrayList<>(before.keySet()));
            }
        }

        @Override
        public boolean awaitChange(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (account) {
                while (folder.version == seenVersion && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    account.wait(Math.max(1, left / 1_000_000));
                }
                seenVersion = folder.version;
                return !closed;
            }
        }

        private Stored stored(long uid) throws MailboxException {
            Stored s = folder.messages.get(uid);
            if (s == null) {
                throw new MailboxException(Reason.EXPUNGED, "Message has been expunged");
            }
            return s;
        }

        private void writable() throws MailboxException {
            if (readOnly) {
                throw new MailboxException(Reason.CANNOT, "Mailbox is read-only");
            }
        }

        private void signal() {
            folder.changed();
            account.notifyAll();
        }

        @Override
        public InputStream open(long uid) throws IOException {
            synchronized (account) {
                return new ByteArrayInputStream(stored(uid).content);
            }
        }

        @Override
        public MessageInfo store(long uid, FlagChange change, Set<Flag> flags, Set<String> keywords)
                throws IOException {
            synchronized (account) {
                writable();
                Stored s = stored(uid);
                switch (change) {
                    case REPLACE -> {
                        s.flags = flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags);
                        s.keywords = new TreeSet<>(keywords);
                    }
                    case ADD -> {
                        s.flags.addAll(flags);
                        s.keywords.addAll(keywords);
                    }
                    case REMOVE -> {
                        s.flags.removeAll(flags);
                        s.keywords.removeAll(keywords);
                    }
                }
                signal();
                return s.info(recentHere.contains(uid));
            }
        }

        @Override
        public long append(InputStream content, Set<Flag> flags, Set<String> keywords, Instant internalDate)
                throws IOException {
            byte[] bytes = crlf(content.readAllBytes());
            synchronized (account) {
                // the API refuses stores and expunges on read-only views, not appends
                if (account.folders.get(name) != folder) {
                    throw new MailboxException(Reason.NONEXISTENT, "Mailbox was deleted");
                }
                long uid = folder.add(bytes, flags, keywords, internalDate);
                account.notifyAll();
                return uid;
            }
        }

        @Override
        public CopyResult copy(Collection<Long> uids, String targetFolder) throws IOException {
            synchronized (account) {
                Folder target = account.folder(targetFolder);
                Map<Long, Long> map = new LinkedHashMap<>();
                for (long uid : new TreeSet<>(uids)) {
                    Stored s = folder.messages.get(uid);
                    if (s != null) {
                        map.put(uid, target.add(s.content, s.flags, s.keywords, s.internalDate));
                    }
                }
                account.notifyAll();
                return new CopyResult(target.uidValidity, map);
            }
        }

        @Override
        public CopyResult move(Collection<Long> uids, String targetFolder) throws IOException {
            synchronized (account) {
                writable();
                CopyResult result = copy(uids, targetFolder);
                expunge(result.uidMap().keySet());
                return result;
            }
        }

        @Override
        public void expunge(Collection<Long> uids) throws IOException {
            synchronized (account) {
                writable();
                for (long uid : uids) {
                    folder.messages.remove(uid);
                }
                signal();
            }
        }

        @Override
        public void close() {
            synchronized (account) {
                closed = true;
                account.notifyAll();
            }
        }
    }
}
