package org.tegami.api;

import java.time.Instant;
import java.util.Set;

/**
 * What a folder knows about one message without reading it.
 *
 * @param uid the persistent UID
 * @param key the Maildir base name (before {@code :2,}); stable across sessions and tools, and
 *     the POP3 UIDL value
 * @param size the size with CRLF line ends (RFC822.SIZE, POP3 octets)
 * @param flags system flags
 * @param keywords IMAP keywords ({@code $Forwarded}, {@code Junk} ...)
 * @param internalDate when the message arrived (IMAP INTERNALDATE)
 * @param recent whether this view is the first to see the message (IMAP \Recent)
 */
public record MessageInfo(long uid, String key, long size, Set<Flag> flags, Set<String> keywords,
        Instant internalDate, boolean recent) {

    public MessageInfo {
        flags = flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(flags));
        keywords = Set.copyOf(keywords);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
