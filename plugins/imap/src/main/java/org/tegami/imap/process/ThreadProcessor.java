package org.tegami.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.ThreadEncoder;
import org.tegami.imap.search.ThreadMessage;
import org.tegami.imap.search.ThreadNode;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/**
 * THREAD and UID THREAD (RFC 5256 4): the messages SEARCH would find for the same criteria,
 * threaded by ORDEREDSUBJECT or REFERENCES, as {@code * THREAD} with sequence numbers or UIDs.
 * The same in IMAP4rev2. Charsets as for SEARCH; headers come through {@link HeaderCache}.
 */
final class ThreadProcessor implements CommandProcessor<Request.Thread> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.Thread request, ImapSession session) throws IOException {
        if (!SearchProcessor.supportedCharset(request.charset())) {
            return Completion.no("BADCHARSET (UTF-8 US-ASCII)", "Unsupported charset");
        }
        List<FolderTarget> found = FolderTarget.matching(session.selected(), request.key());
        List<ThreadMessage> messages = new ArrayList<>(found.size());
        Map<Integer, Long> uids = new HashMap<>();
        for (FolderTarget t : found) {
            messages.add(ThreadMessage.of(t));
            uids.put(t.sequence(), t.info().uid());
        }
        List<ThreadNode> threads = request.algorithm().thread(messages);
        session.out().untagged(ThreadEncoder.encode(threads, seq -> request.uid() ? uids.get(seq) : seq));
        return Completion.ok("THREAD completed");
    }
}
