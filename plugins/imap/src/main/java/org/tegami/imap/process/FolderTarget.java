package org.tegami.imap.process;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.tegami.api.MailboxException;
import org.tegami.api.MessageInfo;
import org.tegami.imap.mime.MimeHeader;
import org.tegami.imap.mime.MimeParser;
import org.tegami.imap.mime.MimePart;
import org.tegami.imap.search.SearchEvaluator;
import org.tegami.imap.search.SearchKey;
import org.tegami.imap.search.SearchTarget;
import org.tegami.imap.session.SelectedFolder;

/**
 * A message of the selected folder as SEARCH and SORT see it, read lazily; the top-level
 * header comes from {@link HeaderCache}.
 */
final class FolderTarget implements SearchTarget {
    private final SelectedFolder folder;
    private final int sequence;
    private final MessageInfo info;
    private MimeHeader header;

    FolderTarget(SelectedFolder folder, int sequence) {
        this.folder = folder;
        this.sequence = sequence;
        this.info = folder.info(sequence);
    }

    /**
     * The messages matching the key, in sequence order. A message expunged elsewhere but still
     * numbered matches only keys that need no content.
     */
    static List<FolderTarget> matching(SelectedFolder folder, SearchKey key) throws IOException {
        int count = folder.exists();
        long largestUid = count == 0 ? 0 : folder.uid(count);
        SearchEvaluator evaluator = new SearchEvaluator(count, largestUid, ZoneId.systemDefault(),
                new HashSet<>(folder.savedResult()));
        List<FolderTarget> found = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            FolderTarget target = new FolderTarget(folder, seq);
            boolean match;
            try {
                match = evaluator.matches(key, target);
            } catch (MailboxException e) {
                match = false;
            }
            if (match) {
                found.add(target);
            }
        }
        return found;
    }

    @Override
    public int sequence() {
        return sequence;
    }

    @Override
    public MessageInfo info() {
        return info;
    }

    @Override
    public MimeHeader header() throws IOException {
        if (header == null) {
            header = HeaderCache.SHARED.get(info.key());
        }
        if (header == null) {
            try (InputStream in = open()) {
                header = MimeParser.parseHeader(in);
            }
            HeaderCache.SHARED.put(info.key(), header);
        }
        return header;
    }

    @Override
    public MimePart structure() throws IOException {
        return folder.structure(info.uid());
    }

    @Override
    public InputStream open() throws IOException {
        return folder.view().open(info.uid());
    }
}
