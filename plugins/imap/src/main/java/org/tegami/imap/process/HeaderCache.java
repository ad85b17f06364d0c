package org.tegami.imap.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tegami.imap.mime.MimeHeader;

/**
 * Parsed top-level headers of recently searched messages, shared by all sessions of the
 * plugin. SEARCH on header keys would otherwise read every message file of the folder on
 * every search. Keyed by the message's Maildir base name ({@code MessageInfo.key()}), which
 * names one immutable message (a copy elsewhere holds the same bytes), so entries never go
 * stale; the least recently used are dropped beyond {@link #CAPACITY}.
 */
final class HeaderCache {

    /** About a few hundred bytes each for ordinary mail: a few megabytes when full. */
    static final int CAPACITY = 20_000;

    static final HeaderCache SHARED = new HeaderCache(CAPACITY);

    private final Map<String, MimeHeader> entries;

    HeaderCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MimeHeader> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized MimeHeader get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, MimeHeader header) {
        entries.put(key, header);
    }
}
