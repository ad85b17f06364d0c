package org.tegami.imap.process;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** ENABLE (RFC 5161) of UTF8=ACCEPT (RFC 6855) and IMAP4rev2 (RFC 9051). */
final class EnableProcessor implements CommandProcessor<Request.Enable> {

    @Override
    public Set<SessionState> states() {
        return EnumSet.of(SessionState.AUTHENTICATED);
    }

    @Override
    public Completion process(Request.Enable request, ImapSession session) throws IOException {
        StringBuilder enabled = new StringBuilder("ENABLED");
        for (String cap : request.capabilities()) {
            if (cap.equals("UTF8=ACCEPT") && !session.utf8()) {
                session.enableUtf8();
                enabled.append(' ').append(cap);
            } else if (cap.equals("IMAP4REV2") && !session.rev2()) {
                session.enableRev2();
                enabled.append(" IMAP4rev2");
            }
        }
        session.out().untagged(enabled.toString());
        return Completion.ok("ENABLE completed");
    }
}
