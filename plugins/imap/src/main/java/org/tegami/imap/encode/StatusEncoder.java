package org.tegami.imap.encode;

import java.util.List;
import org.tegami.api.UserMailbox.FolderStatus;

/**
 * STATUS responses (RFC 3501 7.2.4; SIZE from RFC 8438, DELETED from RFC 9051):
 * {@code * STATUS "Sent" (MESSAGES 3 UNSEEN 0)}.
 */
public final class StatusEncoder {

    private StatusEncoder() {
    }

    public static String encode(String wireName, List<String> items, FolderStatus status, boolean utf8) {
        return encode(wireName, items, status, -1, utf8);
    }

    /** @param deleted messages with \\Deleted, needed only when DELETED is asked for */
    public static String encode(String wireName, List<String> items, FolderStatus status, long deleted, boolean utf8) {
        StringBuilder out = new StringBuilder(64);
        out.append("STATUS ");
        ImapStrings.string(out, wireName, utf8);
        out.append(" (");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            String item = items.get(i);
            out.append(item).append(' ').append(switch (item) {
                case "MESSAGES" -> status.messages();
                case "RECENT" -> status.recent();
                case "UIDNEXT" -> status.uidNext();
                case "UIDVALIDITY" -> status.uidValidity();
                case "UNSEEN" -> status.unseen();
                case "SIZE" -> status.size();
                case "DELETED" -> deleted;
                default -> throw new IllegalArgumentException("unknown STATUS item " + item);
            });
        }
        return out.append(')').toString();
    }
}
