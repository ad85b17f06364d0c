package org.tegami.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The little DER (ITU-T X.690) that reading PEM keys with the JDK needs: split a constructed
 * value into its elements, decode an OBJECT IDENTIFIER, encode a SEQUENCE or OCTET STRING.
 * Definite lengths only, as DER requires; malformed input throws {@link IllegalArgumentException}.
 * An element is kept whole: tag, length and content.
 */
final class Der {

    private Der() {
    }

    /** The elements inside the constructed element {@code tlv} (e.g. a SEQUENCE), each whole. */
    static List<byte[]> elements(byte[] tlv) {
        int[] outer = header(tlv, 0);
        List<byte[]> elements = new ArrayList<>();
        int end = outer[0] + outer[1];
        if (end != tlv.length) {
            throw new IllegalArgumentException("trailing bytes after DER element");
        }
        for (int pos = outer[0]; pos < end;) {
            int[] inner = header(tlv, pos);
            int next = inner[0] + inner[1];
            if (next > end) {
                throw new IllegalArgumentException("DER element overruns its container");
            }
            elements.add(Arrays.copyOfRange(tlv, pos, next));
            pos = next;
        }
        return elements;
    }

    /** The content octets of one whole element. */
    static byte[] content(byte[] tlv) {
        int[] h = header(tlv, 0);
        return Arrays.copyOfRange(tlv, h[0], h[0] + h[1]);
    }

    /** The dotted form of an OBJECT IDENTIFIER element, e.g. {@code 1.2.840.10045.2.1}. */
    static String oid(byte[] tlv) {
        if (tlv[0] != 0x06) {
            throw new IllegalArgumentException("not an OBJECT IDENTIFIER");
        }
        byte[] c = content(tlv);
        StringBuilder dotted = new StringBuilder();
        long value = 0;
        for (int i = 0; i < c.length; i++) {
            value = (value << 7) | (c[i] & 0x7f);
            if ((c[i] & 0x80) == 0) {
                if (dotted.length() == 0) {
                    int first = (int) Math.min(value / 40, 2);
                    dotted.append(first).append('.').append(value - 40L * first);
                } else {
                    dotted.append('.').append(value);
                }
                value = 0;
            }
        }
        return dotted.toString();
    }

    static byte[] sequence(byte[]... elements) {
        return encode(0x30, elements);
    }

    static byte[] octetString(byte[] content) {
        return encode(0x04, content);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] encode(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    /** {@code [contentStart, contentLength]} of the element starting at {@code pos}. */
    private static int[] header(byte[] d, int pos) {
        if (pos + 2 > d.length || (d[pos] & 0x1f) == 0x1f) {
            throw new IllegalArgumentException("bad DER tag");
        }
        int first = d[pos + 1] & 0xff;
        int start = pos + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 3 || start + octets > d.length) {
                throw new IllegalArgumentException("bad DER length");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (d[start + i] & 0xff);
            }
            start += octets;
        }
        if (start + length > d.length) {
            throw new IllegalArgumentException("DER element longer than its input");
        }
        return new int[] {start, length};
    }
}
