package org.tegami.routing.virtual;

import java.util.List;
import org.tegami.api.MailAddress;

/**
 * One virtual alias entry.
 *
 * @param key {@code local@domain} (local part lower-case) or the catch-all {@code @domain}
 * @param targets the addresses it maps to, at least one
 * @param line the line the entry starts on
 */
public record VirtualEntry(String key, List<MailAddress> targets, int line) {

    public VirtualEntry {
        targets = List.copyOf(targets);
    }

    /** Whether this is a {@code @domain} catch-all. */
    public boolean isCatchAll() {
        return key.startsWith("@");
    }

    /** The domain the key belongs to. */
    public String domain() {
        return key.substring(key.lastIndexOf('@') + 1);
    }
}
