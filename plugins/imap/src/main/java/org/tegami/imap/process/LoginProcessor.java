package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** LOGIN (RFC 3501 6.2.3); refused before TLS except on loopback (LOGINDISABLED). */
final class LoginProcessor implements CommandProcessor<Request.Login> {

    @Override
    public Set<SessionState> states() {
        return States.NOT_AUTHENTICATED;
    }

    @Override
    public Completion process(Request.Login request, ImapSession session) throws IOException {
        if (!session.plaintextAuthAllowed()) {
            return Logins.privacyRequired();
        }
        return Logins.authenticate(session, request.user(), request.password());
    }
}
