package org.tegami.imap.decode;

import java.util.Locale;

/** LOGIN userid password; AUTHENTICATE mechanism [initial-response] (RFC 4959). */
final class AuthParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        if (verb.equals("LOGIN")) {
            String user = t.astring();
            t.sp();
            String password = t.astring();
            t.end();
            return new Request.Login(tag, user, password);
        }
        String mechanism = t.atom().toUpperCase(Locale.ROOT);
        String initial = null;
        if (t.skip(' ')) {
            initial = t.charsWhile(c -> Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=');
            if (initial.isEmpty()) {
                throw new BadCommandException("Invalid initial response");
            }
        }
        t.end();
        return new Request.Authenticate(tag, mechanism, initial);
    }
}
