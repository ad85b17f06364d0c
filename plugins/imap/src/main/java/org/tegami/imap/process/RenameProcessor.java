package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** RENAME (RFC 3501 6.3.5), INBOX included: its messages move and INBOX stays, empty. */
final class RenameProcessor implements CommandProcessor<Request.Rename> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.Rename request, ImapSession session) throws IOException {
        String from = session.mailboxName(request.from());
        String to = session.mailboxName(request.to());
        if (to.equals("INBOX")) {
            return Completion.no("ALREADYEXISTS", "INBOX always exists");
        }
        session.mailbox().rename(from, to);
        return Completion.ok("RENAME completed");
    }
}
