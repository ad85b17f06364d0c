package org.tegami.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tegami.api.Flag;
import org.tegami.api.MessageInfo;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.imap.session.SessionState;

/**
 * EXPUNGE (RFC 3501 6.4.3) and UID EXPUNGE (RFC 4315 2.1): removes the \Deleted messages (in
 * the UID set); the EXPUNGE responses come from the session's update step after it.
 */
final class ExpungeProcessor implements CommandProcessor<Request.Expunge> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.Expunge request, ImapSession session) throws IOException {
        SelectedFolder folder = session.selected();
        if (folder.readOnly()) {
            return Completion.no("READ-ONLY", "Mailbox is read-only");
        }
        List<Long> doomed = new ArrayList<>();
        Set<Integer> candidates = request.uidSet() == null ? null
                : new java.util.HashSet<>(folder.resolve(request.uidSet(), true));
        for (int seq = 1; seq <= folder.exists(); seq++) {
            MessageInfo m = folder.info(seq);
            if (m.has(Flag.DELETED) && !folder.isGone(m.uid()) && (candidates == null || candidates.contains(seq))) {
                doomed.add(m.uid());
            }
        }
        if (!doomed.isEmpty()) {
            folder.view().expunge(doomed);
        }
        return Completion.ok("EXPUNGE completed");
    }
}
