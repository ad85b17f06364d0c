package org.tegami.imap.session;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tegami.api.FolderView;
import org.tegami.api.MessageInfo;
import org.tegami.imap.decode.SequenceSet;
import org.tegami.imap.encode.FlagsEncoder;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.mime.MimeParser;
import org.tegami.imap.mime.MimePart;

/**
 * The selected mailbox as this session's client knows it: the sequence-number map of RFC 3501
 * 2.3.1.2, kept apart from the {@link FolderView} snapshot so that messages expunged elsewhere
 * keep their numbers until an EXPUNGE response may be sent (not during FETCH, STORE or SEARCH,
 * RFC 3501 7.4.1). {@link #sync} brings it up to date and writes the untagged updates.
 * Used by the session thread only (and by IDLE's updates on a shared thread while that thread waits).
 */
public final class SelectedFolder implements AutoCloseable {

    private static final int CACHE = 32;

    private final FolderView view;
    private final List<Long> uids = new ArrayList<>();
    private final Map<Long, MessageInfo> infos = new HashMap<>();
    private final Set<Long> gone = new LinkedHashSet<>();
    private final Set<String> keywords = new TreeSet<>();
    private final Map<Long, MimePart> structures = new LinkedHashMap<>(CACHE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, MimePart> eldest) {
            return size() > CACHE;
        }
    };

    private final boolean rev2;
    private List<Long> savedResult = List.of();

    public SelectedFolder(FolderView view) {
        this(view, false);
    }

    /** @param rev2 IMAP4rev2 rules: no RECENT responses, no \\Recent flag (RFC 9051) */
    public SelectedFolder(FolderView view, boolean rev2) {
        this.view = view;
        this.rev2 = rev2;
        for (MessageInfo m : view.messages()) {
            uids.add(m.uid());
            infos.put(m.uid(), m);
            keywords.addAll(m.keywords());
        }
    }

    public FolderView view() {
        return view;
    }

    public String name() {
        return view.name();
    }

    public boolean readOnly() {
        return view.isReadOnly();
    }

    /** Messages the client knows of (EXISTS). */
    /** Whether \\Recent is shown (IMAP4rev1) or not (IMAP4rev2). */
    public boolean showsRecent() {
        return !rev2;
    }

    public int exists() {
        return uids.size();
    }

    public long uid(int sequence) {
        return uids.get(sequence - 1);
    }

    public MessageInfo info(int sequence) {
        return infos.get(uids.get(sequence - 1));
    }

    /** Whether the message was expunged elsewhere and the client was not told yet. */
    public boolean isGone(long uid) {
        return gone.contains(uid);
    }

    public int recentCount() {
        int n = 0;
        for (MessageInfo m : infos.values()) {
            n += m.recent() ? 1 : 0;
        }
        return n;
    }

    /** Sequence number of the first message without \Seen, or 0. */
    public int firstUnseen() {
        for (int i = 0; i < uids.size(); i++) {
            if (!infos.get(uids.get(i)).has(org.tegami.api.Flag.SEEN)) {
                return i + 1;
            }
        }
        return 0;
    }

    public Set<String> keywords() {
        return Collections.unmodifiableSet(keywords);
    }

    /**
     * Whether a set of message sequence numbers stays within the mailbox: RFC 3501 9 makes a
     * number above EXISTS invalid (UID sets may name absent UIDs; {@code *} is always valid).
     */
    /** Keeps a SEARCH result for {@code $} (RFC 5182), as UIDs so expunges cannot shift it. */
    public void saveResult(List<Long> resultUids) {
        savedResult = List.copyOf(resultUids);
    }

    /** The saved result, UIDs ascending. */
    public List<Long> savedResult() {
        return savedResult;
    }

    public boolean validSequenceNumbers(SequenceSet set) {
        for (SequenceSet.Range r : set.ranges()) {
            for (long n : new long[] {r.start(), r.end()}) {
                if (n != SequenceSet.STAR && n > uids.size()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The sequence numbers a set names, ascending; UIDs not present are skipped (RFC 3501 6.4.8). */
    public List<Integer> resolve(SequenceSet set, boolean byUid) {
        List<Integer> out = new ArrayList<>();
        if (uids.isEmpty()) {
            return out;
        }
        if (set.saved()) {
            for (long uid : savedResult) {
                int index = Collections.binarySearch(uids, uid);
                if (index >= 0) {
                    out.add(index + 1);
                }
            }
            return out;
        }
        long largest = byUid ? uids.get(uids.size() - 1) : uids.size();
        for (int i = 0; i < uids.size(); i++) {
            if (set.contains(byUid ? uids.get(i) : i + 1, largest)) {
                out.add(i + 1);
            }
        }
        return out;
    }

    /** Records this session's own flag change, so the next sync does not report it again. */
    public void updated(MessageInfo info) {
        if (infos.containsKey(info.uid())) {
            infos.put(info.uid(), info);
        }
    }

    /** Whether the message's keywords are new to the folder's FLAGS list. */
    public boolean addKeywords(Set<String> added) {
        return keywords.addAll(added);
    }

    /**
     * Refreshes the view and writes the updates the client may see now.
     *
     * @param allowExpunge false during FETCH, STORE and SEARCH (RFC 3501 7.4.1)
     */
    public void sync(ResponseWriter out, boolean allowExpunge) throws IOException {
        FolderView.FolderChanges changes = view.refresh();
        for (long uid : changes.expunged()) {
            if (infos.containsKey(uid)) {
                gone.add(uid);
            }
        }
        if (allowExpunge && !gone.isEmpty()) {
            for (long uid : gone) {
                int index = Collections.binarySearch(uids, uid);
                out.untagged((index + 1) + " EXPUNGE");
                uids.remove(index);
                infos.remove(uid);
                structures.remove(uid);
            }
            gone.clear();
        }
        List<String> fetches = new ArrayList<>();
        boolean newKeywords = false;
        for (MessageInfo m : changes.changed()) {
            MessageInfo old = infos.get(m.uid());
            if (old == null || gone.contains(m.uid())) {
                continue;
            }
            newKeywords |= keywords.addAll(m.keywords());
            MessageInfo merged = new MessageInfo(m.uid(), m.key(), m.size(), m.flags(), m.keywords(), m.internalDate(),
                    old.recent());
            if (!old.flags().equals(m.flags()) || !old.keywords().equals(m.keywords())) {
                infos.put(m.uid(), merged);
                int seq = Collections.binarySearch(uids, m.uid()) + 1;
                fetches.add(seq + " FETCH (UID " + m.uid() + " FLAGS " + FlagsEncoder.flags(merged, !rev2) + ")");
            }
        }
        for (MessageInfo m : changes.added()) {
            newKeywords |= keywords.addAll(m.keywords());
        }
        if (newKeywords) {
            out.untagged("FLAGS " + FlagsEncoder.folderFlags(keywords));
        }
        for (String f : fetches) {
            out.untagged(f);
        }
        if (!changes.added().isEmpty()) {
            for (MessageInfo m : changes.added()) {
                if (uids.isEmpty() || m.uid() > uids.get(uids.size() - 1)) {
                    uids.add(m.uid());
                    infos.put(m.uid(), m);
                }
            }
            out.untagged(uids.size() + " EXISTS");
            if (!rev2) {
                out.untagged(recentCount() + " RECENT");
            }
        }
    }

    /** The message's MIME structure, parsed on first use and cached for a few messages. */
    public MimePart structure(long uid) throws IOException {
        MimePart part = structures.get(uid);
        if (part == null) {
            try (InputStream in = view.open(uid)) {
                part = MimeParser.parse(in);
            }
            structures.put(uid, part);
        }
        return part;
    }

    @Override
    public void close() {
        view.close();
    }
}
