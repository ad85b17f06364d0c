package org.tegami.smtp.relay;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service extensions a server announced in its EHLO reply (RFC 5321 4.1.1.1): every line
 * after the first is {@code KEYWORD [params]}. A HELO session has none. Immutable.
 */
public final class Capabilities {

    /** What a server that only answered HELO supports. */
    public static final Capabilities NONE = new Capabilities(Map.of());

    private final Map<String, List<String>> extensions;

    private Capabilities(Map<String, List<String>> extensions) {
        this.extensions = Map.copyOf(extensions);
    }

    /** Parses a positive EHLO reply; the first line (the server's name) is skipped. */
    public static Capabilities fromEhlo(RemoteReply ehlo) {
        Map<String, List<String>> map = new HashMap<>();
        List<String> lines = ehlo.lines();
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.strip().split("[ =]+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            String keyword = words[0].toUpperCase(Locale.ROOT);
            List<String> params = List.of(Arrays.copyOfRange(words, 1, words.length));
            map.merge(keyword, params, (a, b) -> {
                // Some servers repeat AUTH (e.g. "AUTH=LOGIN" for old clients): union the params.
                TreeSet<String> all = new TreeSet<>(a);
                all.addAll(b);
                return List.copyOf(all);
            });
        }
        return new Capabilities(map);
    }

    /** Whether the keyword (any case) was announced. */
    public boolean has(String keyword) {
        return extensions.containsKey(keyword.toUpperCase(Locale.ROOT));
    }

    /**
     * The SIZE limit (RFC 1870 4): the largest message in octets, 0 when SIZE was announced
     * without a limit or not at all.
     */
    public long sizeLimit() {
        List<String> params = extensions.get("SIZE");
        if (params == null || params.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(params.get(0)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The SASL mechanisms after AUTH, upper-case. */
    public Set<String> authMechanisms() {
        TreeSet<String> mechanisms = new TreeSet<>();
        for (String m : extensions.getOrDefault("AUTH", List.of())) {
            mechanisms.add(m.toUpperCase(Locale.ROOT));
        }
        return mechanisms;
    }

    @Override
    public String toString() {
        return new TreeSet<>(extensions.keySet()).toString();
    }
}
