package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.api.FolderView;
import org.tegami.api.MailboxException;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.imap.session.SessionState;

/**
 * APPEND (RFC 3501 6.3.11) with APPENDUID (RFC 4315). A missing target answers TRYCREATE; an
 * append to the selected mailbox shows up as EXISTS at the end of the command. Other folders
 * are opened read-only (the API allows appends there), so the new message stays \Recent for
 * whoever selects the folder next.
 */
final class AppendProcessor implements CommandProcessor<Request.Append> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.Append request, ImapSession session) throws IOException {
        FlagSet flags = FlagSet.of(request.flags());
        if (flags == null) {
            return Completion.bad("Unknown system flag");
        }
        String name = session.mailboxName(request.mailbox());
        SelectedFolder selected = session.selected();
        boolean useSelected = selected != null && selected.name().equals(name) && !selected.readOnly();
        FolderView view;
        try {
            // read-only: appending needs no write access to the others, and must not claim \Recent
            view = useSelected ? selected.view() : session.mailbox().open(name, true);
        } catch (MailboxException e) {
            if (e.reason() == MailboxException.Reason.NONEXISTENT) {
                return Completion.no("TRYCREATE", "Mailbox does not exist");
            }
            throw e;
        }
        try {
            long uid = view.append(request.message().stream(), flags.flags(), flags.keywords(), request.internalDate());
            return Completion.ok("APPENDUID " + view.uidValidity() + " " + uid, "APPEND completed");
        } finally {
            if (!useSelected) {
                view.close();
            }
        }
    }
}
