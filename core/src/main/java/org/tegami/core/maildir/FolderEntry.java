package org.tegami.core.maildir;

import java.time.Instant;
import java.util.Set;
import org.tegami.api.Flag;
import org.tegami.api.MessageInfo;

/**
 * One message as a folder's shared state knows it: where its file is and what a view reports
 * about it. Changed only under the folder state's lock; {@link #info} is immutable and shared
 * by the views' snapshots, so an unchanged message costs no copy.
 */
final class FolderEntry {

    final long uid;
    final String base;
    /** The size of the file on disk ({@code S=}), for quota. */
    final long fileSize;
    boolean inNew;
    String fileName;
    /** With {@code recent} meaning "still in new/". */
    MessageInfo info;

    FolderEntry(long uid, String base, long fileSize, long crlfSize, Instant internalDate, boolean inNew,
            String fileName, Set<Flag> flags, Set<String> keywords) {
        this.uid = uid;
        this.base = base;
        this.fileSize = fileSize;
        this.inNew = inNew;
        this.fileName = fileName;
        this.info = new MessageInfo(uid, base, crlfSize, flags, keywords, internalDate, inNew);
    }

    /** Updates location and flags; returns true if what a view sees changed. */
    boolean update(boolean nowInNew, String nowFileName, Set<Flag> flags, Set<String> keywords) {
        inNew = nowInNew;
        fileName = nowFileName;
        if (info.recent() == nowInNew && info.flags().equals(flags) && info.keywords().equals(keywords)) {
            return false;
        }
        info = new MessageInfo(uid, base, info.size(), flags, keywords, info.internalDate(), nowInNew);
        return true;
    }
}
