package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** SUBSCRIBE and UNSUBSCRIBE (RFC 3501 6.3.6, 6.3.7). */
final class SubscribeProcessor implements CommandProcessor<Request.OnMailbox> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.OnMailbox request, ImapSession session) throws IOException {
        String name = session.mailboxName(request.mailbox());
        if (request.verb().equals("SUBSCRIBE")) {
            session.mailbox().subscribe(name);
        } else {
            session.mailbox().unsubscribe(name);
        }
        return Completion.ok(request.verb() + " completed");
    }
}
