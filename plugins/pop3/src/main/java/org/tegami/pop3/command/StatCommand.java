package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Maildrop;
import org.tegami.pop3.session.Pop3Session;

/** STAT (RFC 1939 section 5): count and octets of the messages not marked as deleted. */
final class StatCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        if (!request.hasArguments(0)) {
            return session.badCommand(Pop3Reply.err("STAT takes no arguments"));
        }
        Maildrop maildrop = session.maildrop();
        return Pop3Reply.ok(maildrop.liveCount() + " " + maildrop.liveOctets());
    }
}
