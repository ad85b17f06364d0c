package org.tegami.imap.decode;

/** EXPUNGE, and UID EXPUNGE sequence-set (RFC 4315 2.1). */
final class ExpungeParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        SequenceSet set = null;
        if (uid) {
            t.sp();
            set = t.sequenceSet();
        }
        t.end();
        return new Request.Expunge(tag, set);
    }
}
