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

/** CLOSE (RFC 3501 6.4.2): silently expunges \Deleted messages unless read-only, then deselects. */
final class CloseProcessor implements CommandProcessor<Request.NoArgs> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) throws IOException {
        SelectedFolder folder = session.selected();
        if (!folder.readOnly()) {
            List<Long> deleted = new ArrayList<>();
            // the view is dropped right after, so its changes need not reach the client
            folder.view().refresh();
            for (MessageInfo m : folder.view().messages()) {
                if (m.has(Flag.DELETED)) {
                    deleted.add(m.uid());
                }
            }
            if (!deleted.isEmpty()) {
                folder.view().expunge(deleted);
            }
        }
        session.unselect();
        return Completion.ok("CLOSE completed");
    }
}
