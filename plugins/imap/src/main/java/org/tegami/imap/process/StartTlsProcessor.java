package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;
import org.tinylog.Logger;

/**
 * STARTTLS (RFC 3501 6.2.1). The OK goes out before the handshake; whatever the client sent
 * after the command is discarded by the connection (no command injection, CVE-2011-0411).
 * The session's tagged line is written by this processor, so it returns a completion the
 * session must not send again: see {@link ImapSession} handling of {@code null}.
 */
final class StartTlsProcessor implements CommandProcessor<Request.NoArgs> {

    @Override
    public Set<SessionState> states() {
        return States.NOT_AUTHENTICATED;
    }

    @Override
    public Completion process(Request.NoArgs request, ImapSession session) throws IOException {
        if (!session.connection().canStartTls()) {
            return Completion.no(null, session.connection().isSecure() ? "TLS is already active" : "TLS is not available");
        }
        session.out().tagged(request.tag(), "OK", null, "Begin TLS negotiation now");
        session.out().flush();
        int discarded = session.connection().startTls();
        if (discarded > 0) {
            Logger.tag("imap").info("discarded {} bytes sent before the TLS handshake", discarded);
        }
        return null;
    }
}
