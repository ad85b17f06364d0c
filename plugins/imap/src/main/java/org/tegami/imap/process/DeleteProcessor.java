package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** DELETE (RFC 3501 6.3.4). Deleting the selected mailbox deselects it first. */
final class DeleteProcessor implements CommandProcessor<Request.OnMailbox> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.OnMailbox request, ImapSession session) throws IOException {
        String name = session.mailboxName(request.mailbox());
        if (name.equals("INBOX")) {
            return Completion.no("CANNOT", "INBOX cannot be deleted");
        }
        if (session.selected() != null && session.selected().name().equals(name)) {
            session.unselect();
        }
        session.mailbox().delete(name);
        return Completion.ok("DELETE completed");
    }
}
