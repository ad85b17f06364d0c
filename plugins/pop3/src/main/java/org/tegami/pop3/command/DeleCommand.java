package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;

/**
 * DELE msg (RFC 1939 section 5): only marks the message; it is removed in UPDATE, so a dropped
 * connection deletes nothing.
 */
final class DeleCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        if (!request.hasArguments(1)) {
            return session.badCommand(Pop3Reply.err("DELE needs one message number"));
        }
        MessageArgument message = MessageArgument.resolve(request.argument(0), session.maildrop());
        if (message.error() != null) {
            return message.error();
        }
        session.maildrop().markDeleted(message.number());
        return Pop3Reply.ok("message " + message.number() + " deleted");
    }
}
