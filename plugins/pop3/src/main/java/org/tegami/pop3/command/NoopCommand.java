package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;

/** NOOP (RFC 1939 section 5): keeps the session alive. */
final class NoopCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        if (!request.hasArguments(0)) {
            return session.badCommand(Pop3Reply.err("NOOP takes no arguments"));
        }
        return Pop3Reply.ok("");
    }
}
