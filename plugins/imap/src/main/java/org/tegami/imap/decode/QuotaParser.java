package org.tegami.imap.decode;

import java.util.Locale;
import java.util.Set;

/**
 * The QUOTA commands (RFC 9208 4): {@code GETQUOTA root}, {@code GETQUOTAROOT mailbox} and
 * {@code SETQUOTA root (resource limit ...)}, whose limits are read only to check the syntax:
 * quotas are set by the operator, never by a client.
 */
final class QuotaParser implements CommandParser {

    static final Set<String> VERBS = Set.of("GETQUOTA", "GETQUOTAROOT", "SETQUOTA");

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        String name = t.astring();
        if (verb.equals("SETQUOTA")) {
            t.sp();
            setQuotaList(t);
        }
        t.end();
        return new Request.Quota(tag, verb, name);
    }

    /** {@code "(" [resource SP number *(SP resource SP number)] ")"}. */
    private static void setQuotaList(CommandTokenizer t) throws BadCommandException {
        t.expect('(');
        if (t.skip(')')) {
            return;
        }
        do {
            String resource = t.atom().toUpperCase(Locale.ROOT);
            t.sp();
            String limit = t.atom();
            if (resource.isEmpty() || !limit.chars().allMatch(Character::isDigit)) {
                throw new BadCommandException("Expected a resource name and a number");
            }
        } while (t.skip(' '));
        t.expect(')');
    }
}
