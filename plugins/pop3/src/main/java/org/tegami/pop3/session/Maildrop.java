package org.tegami.pop3.session;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tegami.api.Flag;
import org.tegami.api.FolderView;
import org.tegami.api.MessageInfo;

/**
 * The maildrop as one POP3 session sees it: the INBOX snapshot taken when the session entered
 * TRANSACTION, numbered from 1 and never renumbered (RFC 1939 section 5), plus this session's
 * deletion marks. Messages delivered meanwhile appear in the next session. Deletions reach the
 * store only in {@link #commit()}, called in the UPDATE state; closing without it deletes
 * nothing. Holds the maildrop lock until closed. One session thread uses it.
 */
public final class Maildrop implements AutoCloseable {

    private final FolderView view;
    private final MaildropLock lock;
    private final List<MessageInfo> messages;
    private final BitSet deleted = new BitSet();

    /**
     * @param view the INBOX, opened read-write
     * @param lock this session's lock on the maildrop; released by {@link #close()}
     */
    public Maildrop(FolderView view, MaildropLock lock) {
        this.view = view;
        this.lock = lock;
        this.messages = List.copyOf(view.messages());
    }

    /** How many messages the snapshot holds, deleted ones included: the highest valid number. */
    public int size() {
        return messages.size();
    }

    /** Whether {@code number} names a message of the snapshot (deleted or not). */
    public boolean exists(int number) {
        return number >= 1 && number <= messages.size();
    }

    public boolean isDeleted(int number) {
        return deleted.get(number);
    }

    /** The message with this number; callers check {@link #exists} first. */
    public MessageInfo get(int number) {
        return messages.get(number - 1);
    }

    /** Messages not marked as deleted. */
    public int liveCount() {
        return messages.size() - deleted.cardinality();
    }

    /** The octets of the messages not marked as deleted. */
    public long liveOctets() {
        long total = 0;
        for (int n = 1; n <= messages.size(); n++) {
            if (!deleted.get(n)) {
                total += messages.get(n - 1).size();
            }
        }
        return total;
    }

    public void markDeleted(int number) {
        deleted.set(number);
    }

    /** Unmarks every message (RSET). */
    public void unmarkAll() {
        deleted.clear();
    }

    /** The message's bytes with CRLF line ends, streamed from the store. */
    public InputStream open(int number) throws IOException {
        return view.open(get(number).uid());
    }

    /** Sets \Seen on the message (RETR), which moves a Maildir file from new/ to cur/. */
    public void markSeen(int number) throws IOException {
        MessageInfo info = get(number);
        if (!info.has(Flag.SEEN)) {
            view.store(info.uid(), FolderView.FlagChange.ADD, EnumSet.of(Flag.SEEN), Set.of());
        }
    }

    /**
     * Removes the marked messages from the store (the UPDATE state, RFC 1939 section 6).
     *
     * @return how many messages were marked
     */
    public int commit() throws IOException {
        List<Long> uids = new ArrayList<>();
        for (int n = deleted.nextSetBit(1); n >= 0; n = deleted.nextSetBit(n + 1)) {
            uids.add(messages.get(n - 1).uid());
        }
        if (!uids.isEmpty()) {
            view.expunge(uids);
        }
        return uids.size();
    }

    /** Tells other servers that the lock's holder is still alive. */
    public void refreshLock() {
        lock.refresh();
    }

    /** Closes the view without deleting anything and releases the lock. */
    @Override
    public void close() {
        try {
            view.close();
        } finally {
            lock.close();
        }
    }
}
