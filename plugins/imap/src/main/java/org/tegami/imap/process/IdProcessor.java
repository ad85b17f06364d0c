package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;
import org.tinylog.Logger;

/** ID (RFC 2971): logs the client's name and tells ours (no version, to give attackers less). */
final class IdProcessor implements CommandProcessor<Request.Id> {

    @Override
    public Set<SessionState> states() {
        return States.ANY;
    }

    @Override
    public Completion process(Request.Id request, ImapSession session) throws IOException {
        if (request.parameters() != null) {
            Logger.tag("imap").info("client id name={} version={}", request.parameters().get("name"),
                    request.parameters().get("version"));
        }
        session.out().untagged("ID (\"name\" \"Tegami\" \"vendor\" \"Tegami\")");
        return Completion.ok("ID completed");
    }
}
