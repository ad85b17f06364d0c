package org.tegami.imap.decode;

import java.time.Instant;
import java.util.List;

/** APPEND mailbox [SP flag-list] [SP date-time] SP literal (RFC 3501 6.3.11). */
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
        if (!t.peekIs('{')) {
            throw new BadCommandException("Expected the message as a literal");
        }
        CommandTokenizer.Slice message = t.literal();
        t.end();
        return new Request.Append(tag, mailbox, flags, date, message);
    }
}
