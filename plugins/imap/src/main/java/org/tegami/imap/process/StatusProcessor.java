package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.StatusEncoder;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** STATUS (RFC 3501 6.3.10; SIZE from RFC 8438, DELETED from RFC 9051). */
final class StatusProcessor implements CommandProcessor<Request.Status> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.Status request, ImapSession session) throws IOException {
        String name = session.mailboxName(request.mailbox());
        var status = session.mailbox().status(name);
        long deleted = request.items().contains("DELETED") ? deletedCount(session, name) : -1;
        session.out().untagged(StatusEncoder.encode(session.wireName(name), request.items(), status, deleted,
                session.utf8()));
        return Completion.ok("STATUS completed");
    }

    /** Messages with \\Deleted: the API's counts do not have it, so a read-only view is opened. */
    static long deletedCount(ImapSession session, String name) throws IOException {
        try (org.tegami.api.FolderView view = session.mailbox().open(name, true)) {
            return view.messages().stream().filter(m -> m.has(org.tegami.api.Flag.DELETED)).count();
        }
    }
}
