package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.api.FolderView;
import org.tegami.imap.decode.Request;
import java.util.List;
import org.tegami.imap.encode.FlagsEncoder;
import org.tegami.imap.encode.ListEncoder;
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
        boolean wasSelected = session.selected() != null;
        session.unselect();
        String name = session.mailboxName(request.mailbox());
        FolderView view = session.mailbox().open(name, readOnly);
        SelectedFolder folder = new SelectedFolder(view, session.rev2());
        ResponseWriter out = session.out();
        if (wasSelected && session.rev2()) {
            out.untagged("OK [CLOSED] Previous mailbox closed");
        }
        String flags = FlagsEncoder.folderFlags(folder.keywords());
        out.untagged("FLAGS " + flags);
        if (readOnly) {
            out.untagged("OK [PERMANENTFLAGS ()] No permanent flags permitted");
        } else {
            out.untagged("OK [PERMANENTFLAGS " + flags.substring(0, flags.length() - 1) + " \\*)] Flags permitted");
        }
        out.untagged(folder.exists() + " EXISTS");
        if (session.rev2()) {
            // RFC 9051 6.3.2: a LIST response with the mailbox's name instead of RECENT and UNSEEN
            out.untagged(ListEncoder.encode("LIST", List.of(), session.wireName(name), true));
        } else {
            out.untagged(folder.recentCount() + " RECENT");
            int unseen = folder.firstUnseen();
            if (unseen > 0) {
                out.untagged("OK [UNSEEN " + unseen + "] First unseen");
            }
        }
        out.untagged("OK [UIDVALIDITY " + view.uidValidity() + "] UIDs valid");
        out.untagged("OK [UIDNEXT " + view.uidNext() + "] Predicted next UID");
        session.select(folder);
        return Completion.ok(readOnly ? "READ-ONLY" : "READ-WRITE", request.verb() + " completed");
    }
}
