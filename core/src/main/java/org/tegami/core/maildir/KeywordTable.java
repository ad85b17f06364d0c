package org.tegami.core.maildir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dovecot's {@code dovecot-keywords}: lines {@code <index> <name>}, index 0..25 standing for the
 * letters {@code a..z} in file names. Parsing and formatting only.
 */
final class KeywordTable {

    static final int MAX = 26;

    private final String[] names = new String[MAX];

    static KeywordTable parse(String text) {
        KeywordTable t = new KeywordTable();
        for (String line : text.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                continue;
            }
            try {
                int index = Integer.parseInt(line.substring(0, sp));
                String name = line.substring(sp + 1);
                if (index >= 0 && index < MAX && !name.isEmpty()) {
                    t.names[index] = name;
                }
            } catch (NumberFormatException ignored) {
                // Dovecot skips broken lines too
            }
        }
        return t;
    }

    String format() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < MAX; i++) {
            if (names[i] != null) {
                out.append(i).append(' ').append(names[i]).append('\n');
            }
        }
        return out.toString();
    }

    /** The index of a keyword (IMAP keywords compare case-insensitively), or -1. */
    int indexOf(String keyword) {
        for (int i = 0; i < MAX; i++) {
            if (names[i] != null && names[i].equalsIgnoreCase(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds a keyword and returns its index, or -1 when all 26 letters are taken. */
    int add(String keyword) {
        int existing = indexOf(keyword);
        if (existing >= 0) {
            return existing;
        }
        for (int i = 0; i < MAX; i++) {
            if (names[i] == null) {
                names[i] = keyword;
                return i;
            }
        }
        return -1;
    }

    String name(int index) {
        return index >= 0 && index < MAX ? names[index] : null;
    }

    Set<String> names(Set<Integer> indexes) {
        Set<String> out = new HashSet<>();
        for (int i : indexes) {
            String n = name(i);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    List<String> all() {
        return new ArrayList<>(Arrays.stream(names).filter(n -> n != null).toList());
    }

    Set<Integer> indexes(Set<String> keywords) {
        Set<Integer> out = new TreeSet<>();
        for (String k : keywords) {
            int i = indexOf(k);
            if (i >= 0) {
                out.add(i);
            }
        }
        return out;
    }
}
