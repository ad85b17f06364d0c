package org.tegami.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LIST (RFC 3501 6.3.8, extended by RFC 5258 selection and return options and RFC 5819
 * RETURN (STATUS ...)) and LSUB.
 */
final class ListParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        List<String> selection = new ArrayList<>();
        if (verb.equals("LIST") && t.peekIs('(')) {
            selection = atomList(t);
            t.sp();
        }
        String reference = t.astring();
        t.sp();
        List<String> patterns = new ArrayList<>();
        if (verb.equals("LIST") && t.skip('(')) {
            do {
                patterns.add(t.listMailbox());
            } while (t.skip(' '));
            t.expect(')');
        } else {
            patterns.add(t.listMailbox());
        }
        List<String> returns = new ArrayList<>();
        List<String> status = new ArrayList<>();
        if (verb.equals("LIST") && t.skip(' ')) {
            if (!t.atom().equalsIgnoreCase("RETURN")) {
                throw new BadCommandException("Expected RETURN");
            }
            t.sp();
            t.expect('(');
            while (!t.skip(')')) {
                if (!returns.isEmpty()) {
                    t.sp();
                }
                String option = t.atom().toUpperCase(Locale.ROOT);
                returns.add(option);
                if (option.equals("STATUS")) {
                    t.sp();
                    status.addAll(MailboxParser.statusItems(t));
                }
            }
        }
        t.end();
        return new Request.ListMailboxes(tag, verb, reference, patterns, selection, returns, status);
    }

    private static List<String> atomList(CommandTokenizer t) throws BadCommandException {
        List<String> atoms = new ArrayList<>();
        t.expect('(');
        while (!t.skip(')')) {
            if (!atoms.isEmpty()) {
                t.sp();
            }
            atoms.add(t.atom().toUpperCase(Locale.ROOT));
        }
        return atoms;
    }
}
