package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.util.List;

/**
 * The DNS queries an SPF check makes. An empty answer stands for both "no such name" and "no
 * records of that type" (both are void lookups, RFC 7208 4.6.4); a failure to get an answer at
 * all (time-out, SERVFAIL) is a {@link DnsFailure}. Names are given without the trailing dot.
 */
public interface SpfDns {

    /** The TXT records at a name, each record's strings joined without separator (RFC 7208 3.3). */
    List<String> txt(String name) throws DnsFailure;

    /** The A ({@code ipv6} false) or AAAA ({@code ipv6} true) addresses of a name. */
    List<InetAddress> addresses(String name, boolean ipv6) throws DnsFailure;

    /** The exchange host names of a name's MX records, in any order. */
    List<String> mx(String name) throws DnsFailure;

    /** The names in the PTR records of an address's reverse name. */
    List<String> ptr(InetAddress address) throws DnsFailure;

    /** DNS gave no usable answer (time-out, server failure). */
    final class DnsFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public DnsFailure(String message) {
            super(message);
        }
    }
}
