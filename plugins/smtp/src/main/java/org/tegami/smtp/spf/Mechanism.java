package org.tegami.smtp.spf;

import java.util.Locale;

/** The mechanisms of RFC 7208 section 5, and whether each queries DNS (4.6.4). */
enum Mechanism {
    ALL(false),
    INCLUDE(true),
    A(true),
    MX(true),
    PTR(true),
    IP4(false),
    IP6(false),
    EXISTS(true);

    private final boolean queriesDns;

    Mechanism(boolean queriesDns) {
        this.queriesDns = queriesDns;
    }

    /** True for the terms that count towards the limit of 10 DNS lookups (4.6.4). */
    boolean queriesDns() {
        return queriesDns;
    }

    /** The mechanism of that name (case-insensitive, section 12), or null. */
    static Mechanism named(String name) {
        for (Mechanism m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        return null;
    }

    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
