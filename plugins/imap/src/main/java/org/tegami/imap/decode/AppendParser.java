package org.tegami.imap.decode;

import java.time.Instant;
import java.util.List;

/**
 * APPEND mailbox [SP flag-list] [SP date-time] SP literal (RFC 3501 6.3.11), the literal also as
 * literal8 or as RFC 6855 {@code UTF8 (~{n}...)}.
 */
final class AppendParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        String mailbox = t.astring();
        t.sp();
        List<String> flags = List.of();
        if (t.peekIs('(')) {
            flags = t.flagList();
            t.sp();
        }
        Instant date = null;
        if (t.peekIs('"')) {
            date = ImapDates.parseDateTime(t.quoted()).toInstant();
            t.sp();
        }
        LiteralContent message;
        if (t.peekIs('U') || t.peekIs('u')) {
            // RFC 6855 4: APPEND ... UTF8 (~{n}...) once UTF8=ACCEPT is offered
            if (!t.atom().equalsIgnoreCase("UTF8")) {
                throw new BadCommandException("Expected the message as a literal");
            }
            t.sp();
            t.expect('(');
            t.expect('~');
            message = t.literal();
            t.expect(')');
        } else {
            t.skip('~');
            if (!t.peekIs('{')) {
                throw new BadCommandException("Expected the message as a literal");
            }
            message = t.literal();
        }
        t.end();
        return new Request.Append(tag, mailbox, flags, date, message);
    }
}
