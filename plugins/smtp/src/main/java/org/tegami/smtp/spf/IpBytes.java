package org.tegami.smtp.spf;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * Addresses as bytes (4 for IPv4, 16 for IPv6): normalising IPv4-mapped addresses, parsing the
 * literals of the ip4 and ip6 mechanisms without any name lookup (RFC 7208 5.6), comparing
 * prefixes, and the text forms the macros need (7.3).
 */
final class IpBytes {

    private IpBytes() {
    }

    /** The address's bytes; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) counts as IPv4. */
    static byte[] of(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16 && isMapped(b)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        return b;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    /** True when both addresses are of one family and agree in the first {@code bits} bits. */
    static boolean inPrefix(byte[] address, byte[] network, int bits) {
        if (address.length != network.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    /** A dotted quad (RFC 7208 section 12 ip4-network, no leading zeros), or null. */
    static byte[] parseIp4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || p.length() > 1 && p.charAt(0) == '0') {
                return null;
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    /** An IPv6 address in the text forms of RFC 4291 2.2 (with "::" and a trailing IPv4), or null. */
    static byte[] parseIp6(String text) {
        int lastColon = text.lastIndexOf(':');
        if (lastColon < 0) {
            return null;
        }
        String hex = text;
        byte[] tail = null;
        if (text.indexOf('.', lastColon) >= 0) {
            tail = parseIp4(text.substring(lastColon + 1));
            if (tail == null) {
                return null;
            }
            hex = text.substring(0, lastColon + 1) + "0:0";
        }
        int gap = hex.indexOf("::");
        if (gap >= 0 && hex.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? hex : hex.substring(0, gap));
        int[] back = gap < 0 ? new int[0] : groups(hex.substring(gap + 2));
        if (head == null || back == null || (gap < 0 ? head.length != 8 : head.length + back.length > 7)) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            out[2 * i] = (byte) (head[i] >> 8);
            out[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < back.length; i++) {
            int at = 16 - 2 * (back.length - i);
            out[at] = (byte) (back[i] >> 8);
            out[at + 1] = (byte) back[i];
        }
        if (tail != null) {
            System.arraycopy(tail, 0, out, 12, 4);
        }
        return out;
    }

    private static int[] groups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            out[i] = Integer.parseInt(p, 16);
        }
        return out;
    }

    /** %{i} (RFC 7208 7.3): dotted decimal for IPv4, dot-separated nibbles for IPv6. */
    static String dotted(byte[] address) {
        StringBuilder out = new StringBuilder();
        for (byte b : address) {
            if (address.length == 4) {
                out.append(out.length() == 0 ? "" : ".").append(b & 0xFF);
            } else {
                out.append(out.length() == 0 ? "" : ".").append(Character.forDigit((b >> 4) & 0xF, 16))
                        .append('.').append(Character.forDigit(b & 0xF, 16));
            }
        }
        return out.toString();
    }

    /** %{c} (RFC 7208 7.3): dotted decimal, or the compressed IPv6 form of RFC 5952. */
    static String text(byte[] address) {
        if (address.length == 4) {
            return dotted(address);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }
}
