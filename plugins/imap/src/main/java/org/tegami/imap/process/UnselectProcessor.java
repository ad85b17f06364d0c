package org.tegami.imap.process;

import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** UNSELECT (RFC 3691): like CLOSE without expunging. */
final class UnselectProcessor implements CommandProcessor<Request.NoArgs> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) {
        session.unselect();
        return Completion.ok("UNSELECT completed");
    }
}
