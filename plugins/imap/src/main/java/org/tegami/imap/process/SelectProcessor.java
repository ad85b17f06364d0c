package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.api.FolderView;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.FlagsEncoder;
import org.tegami.imap.encode.ResponseWriter;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.imap.session.SessionState;

/** SELECT and EXAMINE (RFC 3501 6.3.1, 6.3.2). A failed SELECT leaves no mailbox selected. */
final class SelectProcessor implements CommandProcessor<Request.OnMailbox> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.OnMailbox request, ImapSession session) throws IOException {
        boolean readOnly = request.verb().equals("EXAMINE");
        session.unselect();
        String name = session.mailboxName(request.mailbox());
        FolderView view = session.mailbox().open(name, readOnly);
        SelectedFolder folder = new SelectedFolder(view);
        ResponseWriter out = session.out();
        String flags = FlagsEncoder.folderFlags(folder.keywords());
        out.untagged("FLAGS " + flags);
        if (readOnly) {
            out.untagged("OK [PERMANENTFLAGS ()] No permanent flags permitted");
        } else {
            out.untagged("OK [PERMANENTFLAGS " + flags.substring(0, flags.length() - 1) + " \\*)] Flags permitted");
        }
        out.untagged(folder.exists() + " EXISTS");
        out.untagged(folder.recentCount() + " RECENT");
        int unseen = folder.firstUnseen();
        if (unseen > 0) {
            out.untagged("OK [UNSEEN " + unseen + "] First unseen");
        }
        out.untagged("OK [UIDVALIDITY " + view.uidValidity() + "] UIDs valid");
        out.untagged("OK [UIDNEXT " + view.uidNext() + "] Predicted next UID");
        session.select(folder);
        return Completion.ok(readOnly ? "READ-ONLY" : "READ-WRITE", request.verb() + " completed");
    }
}
