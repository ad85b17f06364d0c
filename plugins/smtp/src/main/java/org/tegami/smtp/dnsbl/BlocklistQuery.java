package org.tegami.smtp.dnsbl;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The parts of a blocklist lookup that need no network (RFC 5782): the name to ask for an
 * address, and what an answer means.
 */
final class BlocklistQuery {

    private BlocklistQuery() {
    }

    /**
     * The name to look up: the address's octets (IPv4, 2.1) or nibbles (IPv6, 2.4) in reverse
     * order, then the zone; {@code 192.0.2.99} in {@code bl.example} is
     * {@code 99.2.0.192.bl.example}.
     */
    static String name(InetAddress client, String zone) {
        byte[] b = client.getAddress();
        StringBuilder name = new StringBuilder(80);
        if (client instanceof Inet4Address) {
            for (int i = 3; i >= 0; i--) {
                name.append(b[i] & 0xff).append('.');
            }
        } else {
            for (int i = 15; i >= 0; i--) {
                name.append(Character.forDigit(b[i] & 0xf, 16)).append('.')
                        .append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append('.');
            }
        }
        return name.append(zone).toString();
    }

    /**
     * Whether an A answer lists the client. RFC 5782 2.1: entries answer in 127.0.0.0/8 (2 and
     * up); lists answer 127.255.255.0/24 to say something is wrong with the query itself (a
     * public resolver refused, a quota exceeded), and an address outside 127/8 is no list's
     * answer at all (an expired zone that a parking service now wildcards). Neither lists.
     */
    static boolean lists(InetAddress answer) {
        byte[] b = answer.getAddress();
        return b.length == 4 && b[0] == 127 && !(b[1] == (byte) 255 && b[2] == (byte) 255);
    }
}
