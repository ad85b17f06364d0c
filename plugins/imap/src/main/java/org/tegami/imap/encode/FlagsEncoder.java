package org.tegami.imap.encode;

import java.util.Collection;
import org.tegami.api.Flag;
import org.tegami.api.MessageInfo;

/** Flag lists: {@code (\Seen \Recent $Forwarded)} (RFC 3501 7.2.6, 7.4.2 FLAGS). */
public final class FlagsEncoder {

    private FlagsEncoder() {
    }

    public static String flags(MessageInfo info, boolean withRecent) {
        StringBuilder out = new StringBuilder("(");
        for (Flag f : info.flags()) {
            separate(out).append(f.imapName());
        }
        if (withRecent && info.recent()) {
            separate(out).append("\\Recent");
        }
        for (String k : info.keywords()) {
            separate(out).append(k);
        }
        return out.append(')').toString();
    }

    /** The FLAGS of a folder: the system flags and the keywords in use. */
    public static String folderFlags(Collection<String> keywords) {
        StringBuilder out = new StringBuilder("(\\Answered \\Flagged \\Deleted \\Seen \\Draft");
        for (String k : keywords) {
            out.append(' ').append(k);
        }
        return out.append(')').toString();
    }

    private static StringBuilder separate(StringBuilder out) {
        if (out.length() > 1) {
            out.append(' ');
        }
        return out;
    }
}
