package org.tegami.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tegami.imap.search.SearchKey;
import org.tegami.imap.search.SortCriterion;

/**
 * SORT (RFC 5256 3, with the DISPLAYFROM and DISPLAYTO keys of RFC 5957):
 * {@code "(" sort-criterion *(SP sort-criterion) ")" SP charset 1*(SP search-key)}, where
 * sort-criterion = ["REVERSE" SP] sort-key. The charset is required, unlike SEARCH's; the
 * search keys are SEARCH's.
 */
final class SortParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        t.expect('(');
        List<SortCriterion> criteria = new ArrayList<>();
        do {
            criteria.add(criterion(t));
        } while (t.skip(' '));
        t.expect(')');
        t.sp();
        String charset = t.astring();
        t.sp();
        SearchKey key = SearchParser.keyList(t, uid);
        t.end();
        return new Request.Sort(tag, uid, criteria, charset, key);
    }

    private static SortCriterion criterion(CommandTokenizer t) throws BadCommandException {
        String name = t.charsWhile(Character::isLetter).toUpperCase(Locale.ROOT);
        boolean reverse = name.equals("REVERSE");
        if (reverse) {
            t.sp();
            name = t.charsWhile(Character::isLetter).toUpperCase(Locale.ROOT);
        }
        try {
            return new SortCriterion(SortCriterion.Key.valueOf(name), reverse);
        } catch (IllegalArgumentException e) {
            throw new BadCommandException(name.isEmpty() ? "Expected a sort key" : "Unknown sort key " + name);
        }
    }
}
