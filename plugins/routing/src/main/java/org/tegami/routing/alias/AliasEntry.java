package org.tegami.routing.alias;

import java.util.List;

/**
 * One aliases(5) entry.
 *
 * @param name the local part, lower-case
 * @param domain the domain for a {@code name@domain} entry, or {@code null} when the entry
 *     applies to every local domain
 * @param targets the targets, at least one, in file order
 * @param line the line the entry starts on
 */
public record AliasEntry(String name, String domain, List<AliasTarget> targets, int line) {

    public AliasEntry {
        targets = List.copyOf(targets);
    }

    /** The table key: {@code name} or {@code name@domain}. */
    public String key() {
        return domain == null ? name : name + "@" + domain;
    }
}
