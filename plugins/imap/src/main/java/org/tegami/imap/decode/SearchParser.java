package org.tegami.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tegami.api.Flag;
import org.tegami.imap.search.SearchKey;
import org.tegami.imap.search.SearchKey.Comparison;

/**
 * SEARCH [RETURN (options) SP] [CHARSET SP astring SP] search-key *(SP search-key) (RFC 3501
 * 6.4.4, every key; RETURN from RFC 4731 ESEARCH).
 */
final class SearchParser implements CommandParser {

    private static final java.util.Set<String> RETURN_OPTIONS = java.util.Set.of("MIN", "MAX", "COUNT", "ALL", "SAVE");

    /** Deep nesting of NOT/OR/() would only serve to exhaust the stack. */
    private static final int MAX_DEPTH = 100;

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        List<String> returns = null;
        int mark = t.position();
        if (t.charsWhile(Character::isLetter).equalsIgnoreCase("RETURN") && t.peekIs(' ')) {
            // RFC 4731 ESEARCH: RETURN (MIN MAX COUNT ALL)
            t.sp();
            t.expect('(');
            returns = new ArrayList<>();
            while (!t.skip(')')) {
                if (!returns.isEmpty()) {
                    t.sp();
                }
                String option = t.atom().toUpperCase(Locale.ROOT);
                if (!RETURN_OPTIONS.contains(option)) {
                    throw new BadCommandException("Unknown SEARCH RETURN option " + option);
                }
                returns.add(option);
            }
            t.sp();
        } else {
            t.rewind(mark);
        }
        String charset = null;
        mark = t.position();
        if (t.charsWhile(Character::isLetter).equalsIgnoreCase("CHARSET") && t.peekIs(' ')) {
            t.sp();
            charset = t.astring();
            t.sp();
        } else {
            t.rewind(mark);
        }
        SearchKey key = keyList(t, uid);
        t.end();
        return new Request.Search(tag, uid, charset, key, returns);
    }

    /** search-key *(SP search-key), ANDed; shared with SORT (RFC 5256 3), whose last part is the same list. */
    static SearchKey keyList(CommandTokenizer t, boolean uid) throws BadCommandException {
        List<SearchKey> keys = new ArrayList<>();
        do {
            keys.add(key(t, uid, 0));
        } while (t.skip(' '));
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    private static SearchKey key(CommandTokenizer t, boolean uid, int depth) throws BadCommandException {
        if (depth > MAX_DEPTH) {
            throw new BadCommandException("Search criteria nested too deeply");
        }
        if (t.skip('(')) {
            List<SearchKey> keys = new ArrayList<>();
            do {
                keys.add(key(t, uid, depth + 1));
            } while (t.skip(' '));
            t.expect(')');
            return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        }
        if (t.atSequenceSet()) {
            return new SearchKey.Sequence(t.sequenceSet(), false);
        }
        String name = t.charsWhile(Character::isLetter).toUpperCase(Locale.ROOT);
        switch (name) {
            case "ALL":
                return new SearchKey.All();
            case "ANSWERED", "DELETED", "DRAFT", "FLAGGED", "SEEN":
                return new SearchKey.HasFlag(flag(name), true);
            case "UNANSWERED", "UNDELETED", "UNDRAFT", "UNFLAGGED", "UNSEEN":
                return new SearchKey.HasFlag(flag(name.substring(2)), false);
            case "RECENT":
                return new SearchKey.Recent();
            case "NEW":
                return new SearchKey.And(List.of(new SearchKey.Recent(), new SearchKey.HasFlag(Flag.SEEN, false)));
            case "OLD":
                return new SearchKey.Not(new SearchKey.Recent());
            case "KEYWORD", "UNKEYWORD":
                t.sp();
                return new SearchKey.Keyword(t.atom(), name.equals("KEYWORD"));
            case "BCC", "CC", "FROM", "SUBJECT", "TO":
                t.sp();
                return new SearchKey.Header(name, t.astring());
            case "HEADER": {
                t.sp();
                String field = t.astring();
                t.sp();
                return new SearchKey.Header(field.toUpperCase(Locale.ROOT), t.astring());
            }
            case "BODY", "TEXT":
                t.sp();
                return new SearchKey.Text(t.astring(), name.equals("TEXT"));
            case "BEFORE", "ON", "SINCE":
                t.sp();
                return new SearchKey.Date(Comparison.valueOf(name), date(t), false);
            case "SENTBEFORE", "SENTON", "SENTSINCE":
                t.sp();
                return new SearchKey.Date(Comparison.valueOf(name.substring(4)), date(t), true);
            case "LARGER", "SMALLER":
                t.sp();
                return new SearchKey.Size(t.number(), name.equals("LARGER"));
            case "UID":
                t.sp();
                return new SearchKey.Sequence(t.sequenceSet(), true);
            case "NOT":
                t.sp();
                return new SearchKey.Not(key(t, uid, depth + 1));
            case "OR": {
                t.sp();
                SearchKey left = key(t, uid, depth + 1);
                t.sp();
                return new SearchKey.Or(left, key(t, uid, depth + 1));
            }
            default:
                throw new BadCommandException(name.isEmpty() ? "Expected a search key" : "Unknown search key " + name);
        }
    }

    private static Flag flag(String name) {
        return Flag.fromImapName("\\" + name);
    }

    /** date = date-text / DQUOTE date-text DQUOTE. */
    private static java.time.LocalDate date(CommandTokenizer t) throws BadCommandException {
        if (t.peekIs('"')) {
            return ImapDates.parseDate(t.quoted());
        }
        return ImapDates.parseDate(t.charsWhile(c -> Character.isLetterOrDigit(c) || c == '-'));
    }
}
