package org.tegami.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tegami.api.FolderView.CopyResult;
import org.tegami.api.MailboxException;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.imap.session.SessionState;

/**
 * COPY (RFC 3501 6.4.7) and MOVE (RFC 6851), with COPYUID (RFC 4315). MOVE sends COPYUID in an
 * untagged OK before its EXPUNGE responses (RFC 6851 4.3).
 */
final class CopyProcessor implements CommandProcessor<Request.Copy> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.Copy request, ImapSession session) throws IOException {
        SelectedFolder folder = session.selected();
        if (!request.uid() && !folder.validSequenceNumbers(request.set())) {
            return Completion.bad("Invalid message sequence number");
        }
        boolean move = request.verb().equals("MOVE");
        if (move && folder.readOnly()) {
            return Completion.no("READ-ONLY", "Mailbox is read-only");
        }
        List<Long> uids = new ArrayList<>();
        for (int seq : folder.resolve(request.set(), request.uid())) {
            long uid = folder.uid(seq);
            if (!folder.isGone(uid)) {
                uids.add(uid);
            }
        }
        String target = session.mailboxName(request.mailbox());
        CopyResult result;
        try {
            session.mailbox().status(target);
            if (uids.isEmpty()) {
                return Completion.ok(request.verb() + " completed, nothing to do");
            }
            result = move ? folder.view().move(uids, target) : folder.view().copy(uids, target);
        } catch (MailboxException e) {
            if (e.reason() == MailboxException.Reason.NONEXISTENT) {
                return Completion.no("TRYCREATE", "Target mailbox does not exist");
            }
            throw e;
        }
        String code = result.uidMap().isEmpty() ? null : "COPYUID " + result.uidValidity() + " "
                + UidSets.format(result.uidMap().keySet()) + " " + UidSets.format(result.uidMap().values());
        if (move) {
            if (code != null) {
                session.out().untagged("OK [" + code + "] Moved");
            }
            return Completion.ok("MOVE completed");
        }
        return Completion.ok(code, "COPY completed");
    }
}
