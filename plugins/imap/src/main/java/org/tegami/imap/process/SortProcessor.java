package org.tegami.imap.process;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.search.SortOrder;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/**
 * SORT and UID SORT (RFC 5256 3, RFC 5957): the messages SEARCH would find for the same
 * criteria, in the order of the sort criteria, as {@code * SORT} with sequence numbers or
 * UIDs. The same in IMAP4rev2 (there is no ESORT here). Charsets as for SEARCH.
 */
final class SortProcessor implements CommandProcessor<Request.Sort> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.Sort request, ImapSession session) throws IOException {
        if (!SearchProcessor.supportedCharset(request.charset())) {
            return Completion.no("BADCHARSET (UTF-8 US-ASCII)", "Unsupported charset");
        }
        List<FolderTarget> found = FolderTarget.matching(session.selected(), request.key());
        List<FolderTarget> sorted = new SortOrder(request.criteria()).sort(found);
        StringBuilder out = new StringBuilder("SORT");
        for (FolderTarget t : sorted) {
            out.append(' ').append(request.uid() ? t.info().uid() : t.sequence());
        }
        session.out().untagged(out.toString());
        return Completion.ok("SORT completed");
    }
}
