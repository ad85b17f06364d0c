package org.tegami.imap.decode;

/** COPY and MOVE (RFC 6851): sequence-set SP mailbox. */
final class CopyParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        SequenceSet set = t.sequenceSet();
        t.sp();
        String mailbox = t.astring();
        t.end();
        return new Request.Copy(tag, verb, uid, set, mailbox);
    }
}
