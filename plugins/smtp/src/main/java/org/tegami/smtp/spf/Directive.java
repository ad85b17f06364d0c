package org.tegami.smtp.spf;

/**
 * One parsed directive (RFC 7208 4.6.2): qualifier and mechanism with its arguments.
 *
 * @param qualifier the result when the mechanism matches (5: {@code +} pass, {@code -} fail,
 *     {@code ~} softfail, {@code ?} neutral)
 * @param mechanism the mechanism
 * @param domainSpec the unexpanded domain-spec, or null when none was given
 * @param cidr4 the IPv4 prefix length (32 when none was given)
 * @param cidr6 the IPv6 prefix length (128 when none was given)
 * @param network the ip4 or ip6 network's bytes, null for other mechanisms
 * @param text the term as written, for the verdict's reason
 */
record Directive(SpfResult qualifier, Mechanism mechanism, String domainSpec, int cidr4, int cidr6,
        byte[] network, String text) {
}
