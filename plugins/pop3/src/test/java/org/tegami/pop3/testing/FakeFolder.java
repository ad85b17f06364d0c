package org.tegami.pop3.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.MailboxException;
import org.tegami.api.MessageInfo;

/**
 * An INBOX in memory: messages by UID with their bytes. {@link #view()} gives a snapshot view
 * like the real store's; stores and expunges act on the shared folder.
 */
public final class FakeFolder {

    private final Map<Long, IoSupplier> contents = new LinkedHashMap<>();
    private final Map<Long, MessageInfo> infos = new LinkedHashMap<>();
    private long nextUid = 1;
    private int openViews;
    private Runnable whenViewed = () -> { };

    /** Adds a message; returns its UID. Its key is {@code key<uid>}. */
    public synchronized long add(String content) {
        return add(content.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized long add(byte[] content) {
        return add(() -> new ByteArrayInputStream(content), content.length);
    }

    /** Adds a message kept in a file, read at each open (large mailboxes). */
    public synchronized long add(Path file) throws IOException {
        return add(() -> Files.newInputStream(file), Files.size(file));
    }

    private long add(IoSupplier content, long size) {
        long uid = nextUid++;
        contents.put(uid, content);
        infos.put(uid, new MessageInfo(uid, "1764000000.M" + uid + "P1.test", size, Set.of(), Set.of(),
                Instant.EPOCH, true));
        return uid;
    }

    /** Opens a message's bytes. */
    @FunctionalInterface
    private interface IoSupplier {
        InputStream open() throws IOException;
    }

    /** Runs this after the next view's snapshot is taken, as another session might act. */
    public synchronized void whenViewed(Runnable action) {
        this.whenViewed = action;
    }

    /** Removes a message, as another session's expunge would. */
    public synchronized void remove(long uid) {
        contents.remove(uid);
        infos.remove(uid);
    }

    public synchronized List<MessageInfo> messages() {
        return new ArrayList<>(infos.values());
    }

    public synchronized int openViews() {
        return openViews;
    }

    public FolderView view() {
        synchronized (this) {
            openViews++;
        }
        List<MessageInfo> snapshot = messages();
        Runnable action;
        synchronized (this) {
            action = whenViewed;
            whenViewed = () -> { };
        }
        action.run();
        return new FolderView() {
            @Override
            public String name() {
                return "INBOX";
            }

            @Override
            public boolean isReadOnly() {
                return false;
            }

            @Override
            public long uidValidity() {
                return 1;
            }

            @Override
            public long uidNext() {
                return nextUid;
            }

            @Override
            public List<MessageInfo> messages() {
                return snapshot;
            }

            @Override
            public FolderChanges refresh() {
                return new FolderChanges(List.of(), List.of(), List.of());
            }

            @Override
            public boolean awaitChange(Duration timeout) {
                return false;
            }

            @Override
            public InputStream open(long uid) throws IOException {
                IoSupplier content;
                synchronized (FakeFolder.this) {
                    content = contents.get(uid);
                }
                if (content == null) {
                    throw new MailboxException(MailboxException.Reason.EXPUNGED, "message expunged");
                }
                return content.open();
            }

            @Override
            public MessageInfo store(long uid, FlagChange change, Set<Flag> flags, Set<String> keywords)
                    throws MailboxException {
                synchronized (FakeFolder.this) {
                    MessageInfo old = infos.get(uid);
                    if (old == null) {
                        throw new MailboxException(MailboxException.Reason.EXPUNGED, "message expunged");
                    }
                    EnumSet<Flag> now = EnumSet.noneOf(Flag.class);
                    now.addAll(old.flags());
                    now.addAll(flags);
                    MessageInfo updated = new MessageInfo(uid, old.key(), old.size(), now, old.keywords(),
                            old.internalDate(), false);
                    infos.put(uid, updated);
                    return updated;
                }
            }

            @Override
            public long append(InputStream content, Set<Flag> flags, Set<String> keywords, Instant date) {
                throw new UnsupportedOperationException("POP3 does not append");
            }

            @Override
            public CopyResult copy(Collection<Long> uids, String targetFolder) {
                throw new UnsupportedOperationException("POP3 does not copy");
            }

            @Override
            public CopyResult move(Collection<Long> uids, String targetFolder) {
                throw new UnsupportedOperationException("POP3 does not move");
            }

            @Override
            public void expunge(Collection<Long> uids) {
                uids.forEach(FakeFolder.this::remove);
            }

            @Override
            public void close() {
                synchronized (FakeFolder.this) {
                    openViews--;
                }
            }
        };
    }
}
