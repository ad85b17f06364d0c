package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.api.MailboxException;
import org.tegami.api.MessageInfo;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.FlagsEncoder;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SelectedFolder;
import org.tegami.imap.session.SessionState;

/** STORE and UID STORE (RFC 3501 6.4.6): FLAGS, +FLAGS, -FLAGS, each with .SILENT. */
final class StoreProcessor implements CommandProcessor<Request.Store> {

    @Override
    public Set<SessionState> states() {
        return States.SELECTED;
    }

    @Override
    public Completion process(Request.Store request, ImapSession session) throws IOException {
        SelectedFolder folder = session.selected();
        if (!request.uid() && !folder.validSequenceNumbers(request.set())) {
            return Completion.bad("Invalid message sequence number");
        }
        if (folder.readOnly()) {
            return Completion.no("READ-ONLY", "Mailbox is read-only");
        }
        FlagSet flags = FlagSet.of(request.flags());
        if (flags == null) {
            return Completion.bad("Unknown system flag");
        }
        if (folder.addKeywords(flags.keywords())) {
            session.out().untagged("FLAGS " + FlagsEncoder.folderFlags(folder.keywords()));
        }
        boolean missed = false;
        for (int seq : folder.resolve(request.set(), request.uid())) {
            long uid = folder.uid(seq);
            if (folder.isGone(uid)) {
                missed = true;
                continue;
            }
            MessageInfo updated;
            try {
                updated = folder.view().store(uid, request.change(), flags.flags(), flags.keywords());
            } catch (MailboxException e) {
                if (e.reason() != MailboxException.Reason.EXPUNGED) {
                    throw e;
                }
                missed = true;
                continue;
            }
            MessageInfo old = folder.info(seq);
            MessageInfo merged = new MessageInfo(uid, updated.key(), updated.size(), updated.flags(),
                    updated.keywords(), updated.internalDate(), old.recent());
            folder.updated(merged);
            if (!request.silent()) {
                session.out().untagged(seq + " FETCH (FLAGS " + FlagsEncoder.flags(merged, folder.showsRecent())
                        + (request.uid() ? " UID " + uid : "") + ")");
            }
        }
        if (missed) {
            return Completion.no("EXPUNGEISSUED", "Some messages were expunged and not changed");
        }
        return Completion.ok("STORE completed");
    }
}
