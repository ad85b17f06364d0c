package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Maildrop;
import org.tegami.pop3.session.Pop3Session;

/** LIST [msg] (RFC 1939 section 5): message sizes in octets, CRLF line ends counted. */
final class ListCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        Maildrop maildrop = session.maildrop();
        return ScanListing.answer(request, session,
                maildrop.liveCount() + " messages (" + maildrop.liveOctets() + " octets)",
                n -> Long.toString(maildrop.get(n).size()));
    }
}
