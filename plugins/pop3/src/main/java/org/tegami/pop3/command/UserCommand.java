package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;

/**
 * USER name (RFC 1939 section 7). Always answered {@code +OK}, so that the reply does not
 * tell which names exist; PASS decides.
 */
final class UserCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        String name = request.argumentText().strip();
        if (name.isEmpty()) {
            return session.badCommand(Pop3Reply.err("USER needs a name"));
        }
        session.pendingUser(name);
        return Pop3Reply.ok("send PASS");
    }
}
