package org.tegami.imap.process;

import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** NOOP (RFC 3501 6.1.2): the session sends any pending mailbox updates after it. */
final class NoopProcessor implements CommandProcessor<Request.NoArgs> {

    @Override
    public Set<SessionState> states() {
        return States.ANY;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) {
        return Completion.ok("NOOP completed");
    }
}
