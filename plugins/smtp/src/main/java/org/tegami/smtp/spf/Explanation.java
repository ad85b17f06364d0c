package org.tegami.smtp.spf;

import java.util.List;

/**
 * The exp= modifier of RFC 7208 6.2: the TXT record at the expanded domain, itself expanded as
 * an explain-string. Any problem (no or several records, DNS failure, bad syntax, limits) just
 * means no explanation.
 */
final class Explanation {

    /** Room in a header comment or an SMTP reply line. */
    static final int MAX_LENGTH = 200;

    private final Lookups lookups;
    private final MacroExpander macros;

    Explanation(Lookups lookups, MacroExpander macros) {
        this.lookups = lookups;
        this.macros = macros;
    }

    /** The explanation in printable US-ASCII, or null when there is none. */
    String explain(String domainSpec, String domain) {
        try {
            String name = DomainNames.normalize(DomainNames.truncate(macros.expand(domainSpec, domain)));
            if (name == null) {
                return null;
            }
            List<String> txt = lookups.explanationTxt(name);
            if (txt == null || txt.size() != 1) {
                return null;
            }
            return DomainNames.printable(macros.expandExplanation(txt.get(0), domain), MAX_LENGTH);
        } catch (SpfException e) {
            return null;
        }
    }
}
