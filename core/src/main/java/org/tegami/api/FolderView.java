package org.tegami.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One session's view of an open folder: a snapshot of its messages in UID order that changes
 * only in {@link #refresh()}, so a protocol can keep its sequence numbers right and report
 * other sessions' changes at the points it is allowed to (IMAP EXISTS/EXPUNGE/FETCH).
 * UIDs are persistent (Dovecot's {@code dovecot-uidlist}), strictly ascending, and valid as
 * long as {@link #uidValidity()} stays the same.
 *
 * <p>Used by one session thread; other views of the same folder in other sessions see this
 * view's changes at their next refresh and are woken in {@link #awaitChange} or called back
 * by {@link #onChange}.
 */
public interface FolderView extends AutoCloseable {

    String name();

    boolean isReadOnly();

    long uidValidity();

    /** The UID the next message will get. */
    long uidNext();

    /** The snapshot, ascending UID; unmodifiable. */
    List<MessageInfo> messages();

    /**
     * Brings the snapshot up to date with deliveries, other sessions and other tools (files
     * added to {@code new/} by hand get UIDs here).
     *
     * @return what changed since the last refresh (or open)
     */
    FolderChanges refresh() throws IOException;

    /**
     * Waits until this folder may have changed (a delivery, another session's store, append or
     * expunge, or a change on disk found by the periodic rescan), or the timeout passes. For
     * IMAP IDLE and NOOP polling; call {@link #refresh()} afterwards.
     *
     * @return true if woken by a change signal, false on timeout
     */
    boolean awaitChange(Duration timeout) throws InterruptedException;

    /**
     * Calls {@code listener} each time this folder may have changed, on the same events that
     * wake {@link #awaitChange}, so that one thread can watch many views (IMAP IDLE) instead of
     * one thread blocked per view. The listener runs on whichever thread made the change (a
     * delivery, another session, the periodic rescan), possibly while the folder is locked: it
     * must return at once and must not use any view; it typically hands work to an executor
     * whose task then calls {@link #refresh()} under the view owner's own exclusion.
     *
     * <p>The default, for views that cannot notify, returns empty: the caller then polls with
     * {@link #refresh()} or {@link #awaitChange}.
     *
     * @return a handle whose {@link Subscription#close()} stops the calls (closing the view does
     *     too), or empty if this view cannot notify
     */
    default Optional<Subscription> onChange(Runnable listener) {
        return Optional.empty();
    }

    /**
     * The message bytes with CRLF line ends, as RFC822.SIZE counts them; streamed from the
     * file. Throws {@link MailboxException} if the message is gone (expunged elsewhere).
     */
    InputStream open(long uid) throws IOException;

    /**
     * Changes flags and keywords of a message.
     *
     * @return the message's new state
     */
    MessageInfo store(long uid, FlagChange change, Set<Flag> flags, Set<String> keywords) throws IOException;

    /**
     * Adds a message to this folder (IMAP APPEND), durable before returning.
     *
     * @param content the message, CRLF or LF line ends
     * @param internalDate the INTERNALDATE, or {@code null} for now
     * @return the new message's UID (with this folder's UIDVALIDITY, for UIDPLUS)
     */
    long append(InputStream content, Set<Flag> flags, Set<String> keywords, Instant internalDate) throws IOException;

    /**
     * Copies messages to another folder of the same user, keeping flags and keywords.
     *
     * @return the target's UIDVALIDITY and the source-to-target UID map (UIDPLUS COPYUID)
     */
    CopyResult copy(Collection<Long> uids, String targetFolder) throws IOException;

    /** Like {@link #copy} and then removing the originals from this folder (RFC 6851). */
    CopyResult move(Collection<Long> uids, String targetFolder) throws IOException;

    /** Removes these messages' files; they disappear from other views at their next refresh. */
    void expunge(Collection<Long> uids) throws IOException;

    @Override
    void close();

    /** A registration made by {@link #onChange}; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {

        @Override
        void close();
    }

    /** How {@link #store} combines the given flags with the present ones. */
    enum FlagChange {
        REPLACE, ADD, REMOVE
    }

    /**
     * The result of a copy or move.
     *
     * @param uidValidity the target folder's UIDVALIDITY
     * @param uidMap source UID to new target UID, in source UID order
     */
    record CopyResult(long uidValidity, Map<Long, Long> uidMap) {
    }

    /**
     * Changes found by a refresh.
     *
     * @param added new messages, ascending UID
     * @param changed messages whose flags or keywords changed, with their new state
     * @param expunged UIDs that are gone
     */
    record FolderChanges(List<MessageInfo> added, List<MessageInfo> changed, List<Long> expunged) {

        public FolderChanges {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            expunged = List.copyOf(expunged);
        }

        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && expunged.isEmpty();
        }
    }
}
