package org.tegami.imap.decode;

import java.util.Locale;

/** COMPRESS mechanism (RFC 4978 5). */
final class CompressParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        return new Request.Compress(tag, t.atom().toUpperCase(Locale.ROOT));
    }
}
