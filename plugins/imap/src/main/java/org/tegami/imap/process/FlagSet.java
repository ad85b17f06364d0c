package org.tegami.imap.process;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tegami.api.Flag;

/**
 * Client flag names split into system flags and keywords. {@code \Recent} is the server's
 * and is ignored when a client sends it (RFC 3501 2.3.2).
 *
 * @param flags the system flags
 * @param keywords the keywords
 */
record FlagSet(Set<Flag> flags, Set<String> keywords) {

    /** @return the split flags, or {@code null} if an unknown {@code \Name} is among them */
    static FlagSet of(List<String> names) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Set<String> keywords = new LinkedHashSet<>();
        for (String name : names) {
            if (name.startsWith("\\")) {
                if (name.equalsIgnoreCase("\\Recent")) {
                    continue;
                }
                Flag f = Flag.fromImapName(name);
                if (f == null) {
                    return null;
                }
                flags.add(f);
            } else {
                keywords.add(name);
            }
        }
        return new FlagSet(flags, keywords);
    }
}
