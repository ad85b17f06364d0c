package org.tegami.pop3.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Maildrop;
import org.tegami.pop3.session.Pop3Session;

/**
 * The shape LIST and UIDL share (RFC 1939 section 7): with a number, one {@code +OK n value}
 * line; without, a multi-line listing of every message not marked as deleted.
 */
final class ScanListing {

    private ScanListing() {
    }

    static Pop3Reply answer(Pop3Request request, Pop3Session session, String listingText,
            IntFunction<String> valueOf) {
        Maildrop maildrop = session.maildrop();
        if (request.arguments().size() > 1) {
            return session.badCommand(Pop3Reply.err(request.verb() + " takes at most one message number"));
        }
        if (request.hasArguments(1)) {
            MessageArgument message = MessageArgument.resolve(request.argument(0), maildrop);
            if (message.error() != null) {
                return message.error();
            }
            return Pop3Reply.ok(message.number() + " " + valueOf.apply(message.number()));
        }
        List<String> lines = new ArrayList<>(maildrop.liveCount());
        for (int n = 1; n <= maildrop.size(); n++) {
            if (!maildrop.isDeleted(n)) {
                lines.add(n + " " + valueOf.apply(n));
            }
        }
        return Pop3Reply.okLines(listingText, lines);
    }
}
