package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** NAMESPACE (RFC 2342): one personal namespace with {@code /}, no shared or other users'. */
final class NamespaceProcessor implements CommandProcessor<Request.NoArgs> {

    @Override
    public Set<SessionState> states() {
        return States.AUTHENTICATED;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) throws IOException {
        session.out().untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        return Completion.ok("NAMESPACE completed");
    }
}
