package org.tegami.imap.decode;

import java.util.Set;

/** Commands without arguments: CAPABILITY, NOOP, LOGOUT, STARTTLS, CHECK, CLOSE, UNSELECT, IDLE, NAMESPACE. */
final class NoArgsParser implements CommandParser {

    static final Set<String> VERBS = Set.of("CAPABILITY", "NOOP", "LOGOUT", "STARTTLS", "CHECK", "CLOSE",
            "UNSELECT", "IDLE", "NAMESPACE");

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.end();
        return new Request.NoArgs(tag, verb);
    }
}
