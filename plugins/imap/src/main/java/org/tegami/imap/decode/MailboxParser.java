package org.tegami.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Commands on named mailboxes: SELECT, EXAMINE, CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE, STATUS. */
final class MailboxParser implements CommandParser {

    static final Set<String> VERBS = Set.of("SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME", "SUBSCRIBE",
            "UNSUBSCRIBE", "STATUS");
    static final Set<String> STATUS_ITEMS = Set.of("MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN",
            "SIZE", "DELETED");

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        String mailbox = t.astring();
        switch (verb) {
            case "RENAME" -> {
                t.sp();
                String to = t.astring();
                t.end();
                return new Request.Rename(tag, mailbox, to);
            }
            case "STATUS" -> {
                t.sp();
                List<String> items = statusItems(t);
                t.end();
                return new Request.Status(tag, mailbox, items);
            }
            default -> {
                t.end();
                return new Request.OnMailbox(tag, verb, mailbox);
            }
        }
    }

    /** {@code "(" status-att *(SP status-att) ")"}. */
    static List<String> statusItems(CommandTokenizer t) throws BadCommandException {
        t.expect('(');
        List<String> items = new ArrayList<>();
        do {
            String item = t.atom().toUpperCase(Locale.ROOT);
            if (!STATUS_ITEMS.contains(item)) {
                throw new BadCommandException("Unknown STATUS item " + item);
            }
            items.add(item);
        } while (t.skip(' '));
        t.expect(')');
        return items;
    }
}
