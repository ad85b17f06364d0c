package org.tegami.pop3.command;

import java.io.IOException;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Maildrop;
import org.tegami.pop3.session.Pop3Session;

/**
 * TOP msg n (RFC 1939 section 7): the header, the blank line and the first n body lines. Does
 * not mark the message seen.
 */
final class TopCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) throws IOException {
        if (!request.hasArguments(2)) {
            return session.badCommand(Pop3Reply.err("TOP needs a message number and a line count"));
        }
        long lines = MessageArgument.parseNumber(request.argument(1));
        if (lines < 0) {
            return Pop3Reply.err("invalid line count");
        }
        Maildrop maildrop = session.maildrop();
        MessageArgument message = MessageArgument.resolve(request.argument(0), maildrop);
        if (message.error() != null) {
            return message.error();
        }
        return Pop3Reply.okMessage("top of message follows", maildrop.open(message.number()), lines);
    }
}
