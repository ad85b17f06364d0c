package org.tegami.api;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * One user's folders. Folder names are Unicode with {@code /} as hierarchy separator
 * ({@code Archive/2026}); {@code INBOX} is case-insensitive. On disk they are Maildir++
 * folders ({@code .Archive.2026}, modified UTF-7), as Dovecot lays them out. A name with an
 * empty part, {@code .}, {@code ..}, a {@code .} inside a part, or a control character is
 * refused with {@link MailboxException}, so no name reaches outside the user's Maildir.
 * Thread-safe; several sessions may use the same user's mailbox at once.
 */
public interface UserMailbox {

    String user();

    /** Every folder, INBOX first, then by name. */
    List<FolderInfo> folders() throws IOException;

    /** Creates a folder (and missing parents). Fails if it exists or the name is illegal. */
    void create(String name) throws IOException;

    /** Deletes a folder and its messages. INBOX cannot be deleted. */
    void delete(String name) throws IOException;

    /**
     * Renames a folder and its children. Renaming INBOX moves its messages into the new
     * folder and leaves INBOX empty (RFC 3501 6.3.5).
     */
    void rename(String from, String to) throws IOException;

    /** Subscribed names, from the {@code subscriptions} file. */
    Set<String> subscriptions() throws IOException;

    void subscribe(String name) throws IOException;

    void unsubscribe(String name) throws IOException;

    /** Counts without opening a view (IMAP STATUS, LIST-STATUS). */
    FolderStatus status(String name) throws IOException;

    /**
     * Opens a session's view of a folder: a snapshot of its messages that changes only when
     * the session calls {@link FolderView#refresh()}.
     *
     * @param readOnly true for EXAMINE: stores and expunges are refused, \Recent is kept
     */
    FolderView open(String name, boolean readOnly) throws IOException;

    /** Bytes used by all folders, for quota. */
    long usedBytes() throws IOException;

    /**
     * The most bytes all folders may hold, 0 for no limit. Delivery, APPEND and COPY past it
     * are refused ({@link MailboxException.Reason#OVER_QUOTA}); a client may ask for it (IMAP
     * QUOTA).
     */
    default long quotaBytes() {
        return 0;
    }

    /**
     * A folder in a listing.
     *
     * @param name the folder name, {@code /}-separated
     * @param specialUse the RFC 6154 attribute ({@code \Sent}, {@code \Trash} ...) or {@code null}
     * @param hasChildren whether folders exist below it
     */
    record FolderInfo(String name, String specialUse, boolean hasChildren) {
    }

    /**
     * A folder's counts.
     *
     * @param messages number of messages
     * @param recent messages not yet seen by any session (in {@code new/})
     * @param unseen messages without \Seen
     * @param uidNext the UID the next message will get
     * @param uidValidity the folder's UIDVALIDITY
     * @param size total size in bytes (RFC822.SIZE sum)
     */
    record FolderStatus(int messages, int recent, int unseen, long uidNext, long uidValidity, long size) {
    }
}
