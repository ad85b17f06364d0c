package org.tegami.smtp.spf;

import java.util.List;

/**
 * A parsed SPF record (RFC 7208 4.6): its directives in order and the two modifiers of section
 * 6; unknown modifiers are dropped after their syntax check.
 *
 * @param directives the directives, evaluated left to right
 * @param redirect the unexpanded domain-spec of {@code redirect=}, or null
 * @param explanation the unexpanded domain-spec of {@code exp=}, or null
 */
record SpfRecord(List<Directive> directives, String redirect, String explanation) {

    SpfRecord {
        directives = List.copyOf(directives);
    }

    /** RFC 6.1: redirect is ignored when the record has an "all" mechanism anywhere. */
    boolean hasAll() {
        return directives.stream().anyMatch(d -> d.mechanism() == Mechanism.ALL);
    }
}
