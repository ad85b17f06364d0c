package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;

/**
 * PASS string (RFC 1939 section 7), right after USER. The whole rest of the line is the
 * password: it may contain spaces.
 */
final class PassCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        String user = session.pendingUser();
        session.pendingUser(null);
        if (user == null) {
            return session.badCommand(Pop3Reply.err("send USER first"));
        }
        if (request.argumentText().isEmpty()) {
            return session.badCommand(Pop3Reply.err("PASS needs a password"));
        }
        return Authentication.login(session, user, request.argumentText());
    }
}
