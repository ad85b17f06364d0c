package org.tegami.imap.process;

import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** CHECK (RFC 3501 6.4.1): every change is already durable, so only the updates are sent. */
final class CheckProcessor implements CommandProcessor<Request.NoArgs> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) {
        return Completion.ok("CHECK completed");
    }
}
