package org.tegami.core.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The unit that per-client limits and lockouts count: an IPv4 address, or the /64 network of
 * an IPv6 address. One IPv6 host usually holds a whole /64 and may pick a fresh address in it
 * for every connection (RFC 8981 temporary addresses, or on purpose), so counting exact
 * addresses would give it 2^64 allowances.
 */
public final class ClientNetwork {

    /** The prefix length an IPv6 client is counted by (RFC 4291 2.5.1: interface IDs are 64 bits). */
    public static final int IPV6_PREFIX = 64;

    private ClientNetwork() {
    }

    /** {@code client} itself for IPv4 (and IPv4-mapped IPv6); its /64 network for IPv6. */
    public static InetAddress of(InetAddress client) {
        if (!(client instanceof Inet6Address)) {
            return client;
        }
        byte[] bytes = client.getAddress();
        for (int i = IPV6_PREFIX / 8; i < bytes.length; i++) {
            bytes[i] = 0;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }
}
