package org.tegami.imap.encode;

import java.util.List;

/** LIST and LSUB responses (RFC 3501 7.2.2, 7.2.3; RFC 5258 attributes): {@code * LIST (\HasNoChildren) "/" "INBOX"}. */
public final class ListEncoder {

    /** The hierarchy delimiter shown to clients. */
    public static final char DELIMITER = '/';

    private ListEncoder() {
    }

    /**
     * @param verb LIST or LSUB
     * @param wireName the name already in its wire form (modified UTF-7 or UTF-8)
     */
    public static String encode(String verb, List<String> attributes, String wireName, boolean utf8) {
        StringBuilder out = new StringBuilder(64);
        out.append(verb).append(" (").append(String.join(" ", attributes)).append(") \"").append(DELIMITER)
                .append("\" ");
        ImapStrings.string(out, wireName, utf8);
        return out.toString();
    }
}
