package org.tegami.imap.decode;

import java.util.Locale;
import org.tegami.imap.search.SearchKey;
import org.tegami.imap.search.ThreadAlgorithm;

/**
 * THREAD (RFC 5256 4): {@code thread-alg SP search-charset 1*(SP search-key)}, where
 * thread-alg is ORDEREDSUBJECT or REFERENCES (an algorithm the server does not offer is a
 * BAD). The charset is required, as for SORT; the search keys are SEARCH's.
 */
final class ThreadParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        String name = t.atom().toUpperCase(Locale.ROOT);
        ThreadAlgorithm algorithm;
        try {
            algorithm = ThreadAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new BadCommandException("Unknown threading algorithm " + name);
        }
        t.sp();
        String charset = t.astring();
        t.sp();
        SearchKey key = SearchParser.keyList(t, uid);
        t.end();
        return new Request.Thread(tag, uid, algorithm, charset, key);
    }
}
