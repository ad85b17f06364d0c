package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;
import org.tegami.pop3.session.Pop3State;

/**
 * QUIT (RFC 1939 sections 4 and 6): in AUTHORIZATION it only ends the session; in TRANSACTION
 * it enters UPDATE, which removes the messages marked as deleted.
 */
final class QuitCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        if (session.state() == Pop3State.TRANSACTION) {
            return session.update().then(Pop3Reply.Action.CLOSE);
        }
        return Pop3Reply.ok("POP3 server signing off").then(Pop3Reply.Action.CLOSE);
    }
}
