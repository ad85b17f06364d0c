package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.Capabilities;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** CAPABILITY (RFC 3501 6.1.1). */
final class CapabilityProcessor implements CommandProcessor<Request.NoArgs> {

    @Override
    public Set<SessionState> states() {
        return States.ANY;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) throws IOException {
        session.out().untagged("CAPABILITY " + Capabilities.of(session));
        return Completion.ok("Capability completed");
    }
}
