package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Maildrop;
import org.tegami.pop3.session.Pop3Session;

/** RSET (RFC 1939 section 5): unmarks every message marked as deleted in this session. */
final class RsetCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        if (!request.hasArguments(0)) {
            return session.badCommand(Pop3Reply.err("RSET takes no arguments"));
        }
        Maildrop maildrop = session.maildrop();
        maildrop.unmarkAll();
        return Pop3Reply.ok("maildrop has " + maildrop.liveCount() + " messages (" + maildrop.liveOctets()
                + " octets)");
    }
}
