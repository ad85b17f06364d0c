package org.tegami.imap.process;

import java.io.IOException;
import java.util.Set;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/**
 * Carries out one command: writes its untagged data through the session's writer and returns
 * the completion; the session writes pending mailbox updates and the tagged line after it.
 * A {@link org.tegami.api.MailboxException} thrown here becomes {@code NO}. Stateless.
 */
public interface CommandProcessor<R extends Request> {

    /** The states in which the command is allowed (RFC 3501 6). */
    Set<SessionState> states();

    Completion process(R request, ImapSession session) throws IOException;
}
