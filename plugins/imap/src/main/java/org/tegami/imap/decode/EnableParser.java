package org.tegami.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ENABLE capability *(SP capability) (RFC 5161). */
final class EnableParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        List<String> caps = new ArrayList<>();
        do {
            t.sp();
            caps.add(t.atom().toUpperCase(Locale.ROOT));
        } while (!t.atEnd());
        return new Request.Enable(tag, caps);
    }
}
