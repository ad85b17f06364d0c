package org.tegami.smtp.spf;

import java.util.List;

/**
 * The check_host() function of RFC 7208 section 4 for one SMTP transaction: record lookup and
 * selection (4.4, 4.5), directives left to right (4.6.2, 5), include (5.2), redirect (6.1) and
 * exp (6.2). One instance per check, as the lookup limits span the whole evaluation. PERMERROR
 * and TEMPERROR are thrown as {@link SpfException}.
 */
final class CheckHost {

    /** The result of one check_host() call with its reason. */
    record Outcome(SpfResult result, String reason) {
    }

    private final Lookups lookups;
    private final HostMatcher hosts;
    private final MacroExpander macros;
    private final byte[] client;

    CheckHost(Lookups lookups, HostMatcher hosts, MacroExpander macros, byte[] client) {
        this.lookups = lookups;
        this.hosts = hosts;
        this.macros = macros;
        this.client = client;
    }

    /**
     * check_host() for a valid domain; {@code explain} is false inside include, where an exp
     * modifier must not be used (6.2).
     */
    Outcome check(String domain, boolean explain) throws SpfException {
        SpfRecord record = record(domain);
        if (record == null) {
            return new Outcome(SpfResult.NONE, "no SPF record for " + domain);
        }
        for (Directive directive : record.directives()) {
            if (matches(directive, domain)) {
                String reason = "matched " + directive.text();
                if (directive.qualifier() == SpfResult.FAIL && explain && record.explanation() != null) {
                    String text = new Explanation(lookups, macros).explain(record.explanation(), domain);
                    reason = text == null || text.isBlank() ? reason : text;
                }
                return new Outcome(directive.qualifier(), reason);
            }
        }
        // 6.1: redirect only when nothing matched and the record has no "all"
        if (record.redirect() != null && !record.hasAll()) {
            lookups.countTerm();
            String target = target(record.redirect(), domain);
            if (target == null) {
                throw SpfException.permerror("invalid redirect target in the record of " + domain);
            }
            Outcome outcome = check(target, explain);
            if (outcome.result() == SpfResult.NONE) {
                throw SpfException.permerror("no SPF record at redirect target " + target);
            }
            return outcome;
        }
        return new Outcome(SpfResult.NEUTRAL, "default result (no mechanism matched)");
    }

    /** 4.4 and 4.5: the one "v=spf1" record of the domain, parsed; null when there is none. */
    private SpfRecord record(String domain) throws SpfException {
        List<String> spf = lookups.txt(domain).stream().filter(SpfRecordParser::isSpfRecord).toList();
        if (spf.isEmpty()) {
            return null;
        }
        if (spf.size() > 1) {
            throw SpfException.permerror("more than one SPF record for " + domain);
        }
        try {
            return SpfRecordParser.parse(spf.get(0));
        } catch (SpfException e) {
            throw SpfException.permerror("syntax error in record of " + domain + ": " + e.getMessage());
        }
    }

    private boolean matches(Directive d, String domain) throws SpfException {
        if (d.mechanism().queriesDns()) {
            lookups.countTerm();
        }
        return switch (d.mechanism()) {
            case ALL -> true;
            case IP4 -> IpBytes.inPrefix(client, d.network(), d.cidr4());
            case IP6 -> IpBytes.inPrefix(client, d.network(), d.cidr6());
            case INCLUDE -> include(d, domain);
            case A, MX, PTR, EXISTS -> host(d, domain);
        };
    }

    private boolean host(Directive d, String domain) throws SpfException {
        String target = hostTarget(d, domain);
        if (target == null) {
            return false;
        }
        return switch (d.mechanism()) {
            case A -> hosts.a(target, d);
            case MX -> hosts.mx(target, d);
            case PTR -> hosts.ptr(target);
            default -> hosts.exists(target);
        };
    }

    /** 5.2: the table of include results. */
    private boolean include(Directive d, String domain) throws SpfException {
        String target = target(d.domainSpec(), domain);
        if (target == null) {
            throw SpfException.permerror("invalid include target in the record of " + domain);
        }
        Outcome inner = check(target, false);
        return switch (inner.result()) {
            case PASS -> true;
            case FAIL, SOFTFAIL, NEUTRAL -> false;
            case NONE -> throw SpfException.permerror("no SPF record at include target " + target);
            case TEMPERROR, PERMERROR -> throw new IllegalStateException("errors are thrown, not returned");
        };
    }

    private String hostTarget(Directive d, String domain) throws SpfException {
        if (d.domainSpec() == null) {
            return domain;
        }
        String target = target(d.domainSpec(), domain);
        if (target == null) {
            lookups.countVoid(List.of()); // a name that cannot exist answers like NXDOMAIN
        }
        return target;
    }

    /** A domain-spec expanded (7), truncated to 253 characters (7.3) and checked (4.3); or null. */
    private String target(String domainSpec, String domain) throws SpfException {
        return DomainNames.normalize(DomainNames.truncate(macros.expand(domainSpec, domain)));
    }
}
