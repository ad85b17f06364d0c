package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** CREATE (RFC 3501 6.3.3); a trailing delimiter only declares hierarchy intent. */
final class CreateProcessor implements CommandProcessor<Request.OnMailbox> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.OnMailbox request, ImapSession session) throws IOException {
        String name = session.mailboxName(request.mailbox());
        if (name.equals("INBOX")) {
            return Completion.no("ALREADYEXISTS", "INBOX always exists");
        }
        session.mailbox().create(name);
        return Completion.ok("CREATE completed");
    }
}
