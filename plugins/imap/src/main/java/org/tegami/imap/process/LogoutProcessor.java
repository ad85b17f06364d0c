package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** LOGOUT (RFC 3501 6.1.3). */
final class LogoutProcessor implements CommandProcessor<Request.NoArgs> {

    @Override
    public Set<SessionState> states() {
        return States.ANY;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) throws IOException {
        session.out().untagged("BYE Logging out");
        session.logout();
        return Completion.ok("Logout completed");
    }
}
