package org.tegami.imap.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tegami.api.FolderView.FlagChange;

/** STORE sequence-set SP ["+" / "-"] "FLAGS" [".SILENT"] SP (flag-list / flag *(SP flag)). */
final class StoreParser implements CommandParser {

    @Override
    public Request parse(String tag, String verb, boolean uid, CommandTokenizer t) throws BadCommandException {
        t.sp();
        SequenceSet set = t.sequenceSet();
        t.sp();
        FlagChange change = FlagChange.REPLACE;
        if (t.skip('+')) {
            change = FlagChange.ADD;
        } else if (t.skip('-')) {
            change = FlagChange.REMOVE;
        }
        String item = t.atom().toUpperCase(Locale.ROOT);
        boolean silent = item.equals("FLAGS.SILENT");
        if (!silent && !item.equals("FLAGS")) {
            throw new BadCommandException("Expected FLAGS or FLAGS.SILENT");
        }
        t.sp();
        List<String> flags;
        if (t.peekIs('(')) {
            flags = t.flagList();
        } else {
            flags = new ArrayList<>();
            do {
                flags.add(t.flag());
            } while (t.skip(' '));
        }
        t.end();
        return new Request.Store(tag, uid, set, change, silent, flags);
    }
}
