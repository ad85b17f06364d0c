package org.tegami.routing.alias;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tegami.api.MailAddress;
import org.tegami.routing.address.RecipientDelimiter;

/**
 * The aliases of one aliases(5) file with its include files read: an immutable snapshot for
 * in-memory lookups. Whether an address's domain is local is the caller's question.
 */
public final class AliasTable {

    private static final AliasTable EMPTY = new AliasTable(List.of(), Map.of());

    private final Map<String, AliasEntry> entries;
    private final Map<Path, List<AliasTarget>> includes;

    /**
     * @param entries the entries; the first of a name counts
     * @param includes the targets of each include file that could be read
     */
    public AliasTable(List<AliasEntry> entries, Map<Path, List<AliasTarget>> includes) {
        Map<String, AliasEntry> map = new HashMap<>();
        for (AliasEntry e : entries) {
            map.putIfAbsent(e.key(), e);
        }
        this.entries = Map.copyOf(map);
        this.includes = Map.copyOf(includes);
    }

    public static AliasTable empty() {
        return EMPTY;
    }

    /** How many aliases there are. */
    public int size() {
        return entries.size();
    }

    /**
     * Finds the alias for an address in a local domain: {@code name@domain} entries before
     * bare {@code name} ones, the full local part before the one without extension.
     */
    public Optional<AliasMatch> lookup(MailAddress address, RecipientDelimiter delimiter) {
        Optional<AliasMatch> match = exact(address);
        if (match.isEmpty()) {
            match = delimiter.strip(address).flatMap(this::exact);
        }
        return match;
    }

    private Optional<AliasMatch> exact(MailAddress address) {
        String name = address.localPart().toLowerCase(Locale.ROOT);
        AliasEntry entry = entries.get(name + "@" + address.domain());
        if (entry == null) {
            entry = entries.get(name);
        }
        return Optional.ofNullable(entry).map(e -> new AliasMatch(address, e));
    }

    /** The targets of an include file, or empty if it could not be read. */
    public Optional<List<AliasTarget>> include(Path file) {
        return Optional.ofNullable(includes.get(file));
    }
}
