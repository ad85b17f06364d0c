package org.tegami.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tegami.api.UserMailbox.FolderInfo;
import org.tegami.imap.decode.Request;
import org.tegami.imap.encode.ListEncoder;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** LSUB (RFC 3501 6.3.9): subscribed names; ones that no longer exist are \Noselect. */
final class LsubProcessor implements CommandProcessor<Request.ListMailboxes> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.ListMailboxes request, ImapSession session) throws IOException {
        ListPattern pattern = new ListPattern(ListProcessor.decode(session, request.reference()),
                ListProcessor.decode(session, request.patterns().get(0)));
        Set<String> existing = new java.util.HashSet<>();
        for (FolderInfo f : session.mailbox().folders()) {
            existing.add(f.name());
        }
        List<String> names = new ArrayList<>(session.mailbox().subscriptions());
        names.sort((a, b) -> a.equals("INBOX") ? -1 : b.equals("INBOX") ? 1 : a.compareTo(b));
        for (String name : names) {
            if (pattern.matches(name)) {
                List<String> attributes = existing.contains(name) ? List.of() : List.of("\\Noselect");
                session.out().untagged(ListEncoder.encode("LSUB", attributes, session.wireName(name), session.utf8()));
            }
        }
        return Completion.ok("LSUB completed");
    }
}
