package org.tegami.pop3.command;

import java.io.IOException;
import java.io.InputStream;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Maildrop;
import org.tegami.pop3.session.Pop3Session;
import org.tinylog.Logger;

/**
 * RETR msg (RFC 1939 section 5): the whole message, streamed and dot-stuffed by the writer.
 * Marks it \Seen (Maildir: moved from new/ to cur/), as a client that downloads has read it.
 */
final class RetrCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) throws IOException {
        if (!request.hasArguments(1)) {
            return session.badCommand(Pop3Reply.err("RETR needs one message number"));
        }
        Maildrop maildrop = session.maildrop();
        MessageArgument message = MessageArgument.resolve(request.argument(0), maildrop);
        if (message.error() != null) {
            return message.error();
        }
        int n = message.number();
        InputStream content = maildrop.open(n);
        try {
            maildrop.markSeen(n);
        } catch (IOException e) {
            // the message is still sent; only its flag could not change
            Logger.tag("pop3").warn("cannot mark message {} seen: {}", n, e.toString());
        }
        return Pop3Reply.okMessage(maildrop.get(n).size() + " octets", content, -1);
    }
}
