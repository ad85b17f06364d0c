package org.tegami.smtp.spf;

import java.net.InetAddress;

/**
 * A block of IP addresses in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}, or
 * one address), for settings such as {@code smtp.check-exempt}. An IPv4-mapped IPv6 address
 * counts as the IPv4 address it carries. Immutable.
 */
public final class AddressBlock {

    /** The block's address bytes (4 or 16). */
    private final byte[] network;
    /** How many leading bits must match. */
    private final int prefix;

    private AddressBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Parses {@code address[/prefix]}; the address must be a literal (no names are looked up).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static AddressBlock parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = address.contains(":") ? IpBytes.parseIp6(address) : IpBytes.parseIp4(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > max) {
                throw new IllegalArgumentException("bad prefix length in " + text + " (0-" + max + ")");
            }
            prefix = Integer.parseInt(bits);
        }
        return new AddressBlock(bytes, prefix);
    }

    /** Whether the address lies in this block (an IPv4 address is never in an IPv6 block). */
    public boolean contains(InetAddress address) {
        return IpBytes.inPrefix(IpBytes.of(address), network, prefix);
    }

    @Override
    public String toString() {
        return IpBytes.text(network) + "/" + prefix;
    }
}
