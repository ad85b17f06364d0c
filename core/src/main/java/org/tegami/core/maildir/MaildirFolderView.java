package org.tegami.core.maildir;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.MailboxException;
import org.tegami.api.MailboxException.Reason;
import org.tegami.api.MessageInfo;

/**
 * One session's snapshot of a folder over the shared {@link FolderState}. The snapshot changes
 * only in {@link #refresh()}, which reports every change since the last one, this view's own
 * stores, appends and expunges included. A read-write view is the first to see messages in
 * {@code new/}: it moves them to {@code cur/} and reports them \Recent (Dovecot's rule); a
 * read-only view leaves them in {@code new/}.
 */
final class MaildirFolderView implements FolderView {

    private final MaildirStore store;
    private final MaildirUserMailbox mailbox;
    private final String name;
    private final FolderState state;
    private final boolean readOnly;
    private final Set<Long> recent = new HashSet<>();
    private List<MessageInfo> messages = List.of();
    private long seenModseq = -1;
    private long seenSignals;
    /** This view's change listeners, removed from the shared state when the view closes. */
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private boolean closed;

    MaildirFolderView(MaildirStore store, MaildirUserMailbox mailbox, String name, FolderState state, boolean readOnly)
            throws IOException {
        this.store = store;
        this.mailbox = mailbox;
        this.name = name;
        this.state = state;
        this.readOnly = readOnly;
        refresh();
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
        return state.uidValidity();
    }

    @Override
    public long uidNext() {
        return state.uidNext();
    }

    @Override
    public List<MessageInfo> messages() {
        return messages;
    }

    @Override
    public FolderChanges refresh() throws IOException {
        seenSignals = state.signals();
        state.sync(false);
        if (!readOnly) {
            recent.addAll(state.claimNew());
        }
        long modseq = state.modseq();
        if (modseq == seenModseq) {
            return new FolderChanges(List.of(), List.of(), List.of());
        }
        List<MessageInfo> current = state.infos();
        seenModseq = modseq;
        List<MessageInfo> added = new ArrayList<>();
        List<MessageInfo> changed = new ArrayList<>();
        List<Long> expunged = new ArrayList<>();
        List<MessageInfo> next = new ArrayList<>(current.size());
        // Both lists ascend by UID: one merge walk finds every difference.
        int i = 0;
        int j = 0;
        while (i < messages.size() || j < current.size()) {
            MessageInfo old = i < messages.size() ? messages.get(i) : null;
            MessageInfo now = j < current.size() ? withRecent(current.get(j)) : null;
            if (now == null || (old != null && old.uid() < now.uid())) {
                expunged.add(old.uid());
                recent.remove(old.uid());
                i++;
                continue;
            }
            if (old == null || now.uid() < old.uid()) {
                added.add(now);
            } else {
                if (old != now && !sameState(old, now)) {
                    changed.add(now);
                }
                i++;
            }
            next.add(now);
            j++;
        }
        messages = Collections.unmodifiableList(next);
        return new FolderChanges(added, changed, expunged);
    }

    private MessageInfo withRecent(MessageInfo shared) {
        boolean isRecent = readOnly ? shared.recent() : recent.contains(shared.uid());
        if (isRecent == shared.recent()) {
            return shared;
        }
        return new MessageInfo(shared.uid(), shared.key(), shared.size(), shared.flags(), shared.keywords(),
                shared.internalDate(), isRecent);
    }

    private static boolean sameState(MessageInfo a, MessageInfo b) {
        return a.flags().equals(b.flags()) && a.keywords().equals(b.keywords()) && a.recent() == b.recent();
    }

    @Override
    public boolean awaitChange(Duration timeout) throws InterruptedException {
        long now = state.awaitSignal(seenSignals, timeout);
        boolean woken = now != seenSignals;
        seenSignals = now;
        return woken;
    }

    @Override
    public Optional<Subscription> onChange(Runnable listener) {
        // a wrapper of our own, so that the same Runnable subscribed twice is removed once per close
        Runnable own = listener::run;
        listeners.add(own);
        state.addListener(own);
        return Optional.of(() -> {
            if (listeners.remove(own)) {
                state.removeListener(own);
            }
        });
    }

    @Override
    public InputStream open(long uid) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            Path p = state.path(uid);
            if (p == null) {
                break;
            }
            try {
                return new CrlfInputStream(new BufferedInputStream(Files.newInputStream(p), 65536));
            } catch (NoSuchFileException renamed) {
                // flags changed or moved to cur/ by another program: find it again
                state.sync(true);
            }
        }
        throw new MailboxException(Reason.EXPUNGED, "message was expunged");
    }

    @Override
    public MessageInfo store(long uid, FlagChange change, Set<Flag> flags, Set<String> keywords) throws IOException {
        requireWritable();
        MessageInfo stored = state.store(uid, change, flags, keywords);
        return withRecent(stored);
    }

    @Override
    public long append(InputStream content, Set<Flag> flags, Set<String> keywords, Instant internalDate)
            throws IOException {
        Instant date = internalDate != null ? internalDate : store.clock().instant();
        return new MessageWriter(store, state, QuotaCheck.of(mailbox)).append(content, flags, keywords, date);
    }

    @Override
    public CopyResult copy(Collection<Long> uids, String targetFolder) throws IOException {
        return copy(uids, targetFolder, QuotaCheck.of(mailbox));
    }

    private CopyResult copy(Collection<Long> uids, String targetFolder, QuotaCheck quota) throws IOException {
        Path target = mailbox.existingFolder(targetFolder);
        FolderState t = store.acquire(target);
        try {
            Map<Long, Long> map = new MessageWriter(store, t, quota).copyFrom(state, new TreeSet<>(uids));
            return new CopyResult(t.uidValidity(), map);
        } finally {
            store.release(t);
        }
    }

    @Override
    public CopyResult move(Collection<Long> uids, String targetFolder) throws IOException {
        requireWritable();
        // a move leaves the user's usage as it was: no quota question (as Dovecot's quota plugin)
        CopyResult copied = copy(uids, targetFolder, QuotaCheck.NONE);
        state.expunge(copied.uidMap().keySet());
        return copied;
    }

    @Override
    public void expunge(Collection<Long> uids) throws IOException {
        requireWritable();
        state.expunge(uids);
    }

    private void requireWritable() throws MailboxException {
        if (readOnly) {
            throw new MailboxException(Reason.CANNOT, "folder is open read-only");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (Runnable listener : listeners) {
                state.removeListener(listener);
            }
            listeners.clear();
            store.release(state);
        }
    }
}
