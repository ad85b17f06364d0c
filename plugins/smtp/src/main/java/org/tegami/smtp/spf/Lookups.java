package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The DNS of one check with the limits of RFC 7208 4.6.4: at most 10 terms that query DNS and at
 * most 2 void lookups in the whole evaluation (beyond either: PERMERROR). A DNS failure becomes
 * TEMPERROR naming the domain, as section 5 asks for the mechanisms' queries.
 */
final class Lookups {

    static final int MAX_DNS_TERMS = 10;
    static final int MAX_VOID = 2;
    /** At most 10 MX or PTR names are looked at per term (4.6.4). */
    static final int MAX_NAMES = 10;

    private final SpfDns dns;
    private int terms;
    private int voids;

    Lookups(SpfDns dns) {
        this.dns = dns;
    }

    /** Counts one term that queries DNS (include, a, mx, ptr, exists, redirect). */
    void countTerm() throws SpfException {
        if (++terms > MAX_DNS_TERMS) {
            throw SpfException.permerror("more than " + MAX_DNS_TERMS + " DNS lookups");
        }
    }

    /** An empty answer to a term's query is a void lookup (4.6.4). */
    <T> List<T> countVoid(List<T> answer) throws SpfException {
        if (answer.isEmpty() && ++voids > MAX_VOID) {
            throw SpfException.permerror("more than " + MAX_VOID + " void lookups");
        }
        return answer;
    }

    List<String> txt(String name) throws SpfException {
        try {
            return clean(dns.txt(name));
        } catch (SpfDns.DnsFailure e) {
            throw failure(name, e);
        }
    }

    List<InetAddress> addresses(String name, boolean ipv6) throws SpfException {
        try {
            return clean(dns.addresses(name, ipv6));
        } catch (SpfDns.DnsFailure e) {
            throw failure(name, e);
        }
    }

    List<String> mx(String name) throws SpfException {
        try {
            return clean(dns.mx(name));
        } catch (SpfDns.DnsFailure e) {
            throw failure(name, e);
        }
    }

    /** The PTR names of the client; null when DNS failed (then "ptr" does not match, 5.5). */
    List<String> ptrOrNull(InetAddress client) {
        try {
            return clean(dns.ptr(client));
        } catch (SpfDns.DnsFailure e) {
            return null;
        }
    }

    /** The address records of a PTR name; null when DNS failed (the name is skipped, 5.5). */
    List<InetAddress> addressesOrNull(String name, boolean ipv6) {
        try {
            return clean(dns.addresses(name, ipv6));
        } catch (SpfDns.DnsFailure e) {
            return null;
        }
    }

    /** The TXT records for an explanation, not counted (4.6.4); null on failure. */
    List<String> explanationTxt(String name) {
        try {
            return clean(dns.txt(name));
        } catch (SpfDns.DnsFailure e) {
            return null;
        }
    }

    private static SpfException failure(String name, SpfDns.DnsFailure e) {
        return SpfException.temperror("DNS failure for " + name + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    /** Tolerates a DNS layer that answers null or with null entries. */
    private static <T> List<T> clean(List<T> answer) {
        return answer == null ? List.of() : answer.stream().filter(Objects::nonNull).toList();
    }
}
