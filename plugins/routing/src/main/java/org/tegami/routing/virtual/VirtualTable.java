package org.tegami.routing.virtual;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tegami.api.MailAddress;
import org.tegami.routing.address.RecipientDelimiter;

/**
 * A virtual alias map as an immutable in-memory table. Lookup order as Postfix: the full
 * address, the address without its extension, then the domain's catch-all; so an exact entry
 * always wins over {@code @domain}.
 */
public final class VirtualTable {

    private static final VirtualTable EMPTY = new VirtualTable(List.of());

    private final Map<String, VirtualEntry> entries;
    private final Set<String> domains;

    /** @param entries the entries; the first of a key counts */
    public VirtualTable(List<VirtualEntry> entries) {
        Map<String, VirtualEntry> map = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (VirtualEntry e : entries) {
            map.putIfAbsent(e.key(), e);
            names.add(e.domain());
        }
        this.entries = Map.copyOf(map);
        this.domains = Set.copyOf(names);
    }

    public static VirtualTable empty() {
        return EMPTY;
    }

    /** Whether this domain is named by any entry: mail to it is accepted here. */
    public boolean hasDomain(String domain) {
        return domains.contains(domain);
    }

    /** The domains named by entries. */
    public Set<String> domains() {
        return domains;
    }

    /** How many entries there are. */
    public int size() {
        return entries.size();
    }

    /** The entry for an address, and the address it matched as. */
    public Optional<Match> lookup(MailAddress address, RecipientDelimiter delimiter) {
        VirtualEntry entry = entries.get(RecipientDelimiter.key(address));
        if (entry != null) {
            return Optional.of(new Match(address, entry));
        }
        Optional<MailAddress> base = delimiter.strip(address);
        if (base.isPresent()) {
            entry = entries.get(RecipientDelimiter.key(base.get()));
            if (entry != null) {
                return Optional.of(new Match(base.get(), entry));
            }
        }
        return Optional.ofNullable(entries.get("@" + address.domain())).map(e -> new Match(address, e));
    }

    /**
     * A lookup result.
     *
     * @param matched the address the entry was found for: as given, or without its extension
     * @param entry the entry
     */
    public record Match(MailAddress matched, VirtualEntry entry) {
    }
}
