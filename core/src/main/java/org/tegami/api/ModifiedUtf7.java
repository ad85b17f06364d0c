package org.tegami.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * IMAP's modified UTF-7 for mailbox names (RFC 3501 5.1.3): printable ASCII stands for itself,
 * {@code &} is {@code &-}, anything else is UTF-16 in base64 with {@code ,} for {@code /},
 * between {@code &} and {@code -}. Used on the IMAP wire and, as Dovecot does, for Maildir++
 * folder names on disk.
 */
public final class ModifiedUtf7 {

    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private ModifiedUtf7() {
    }

    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '&') {
                out.append("&-");
                i++;
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
                i++;
            } else {
                int start = i;
                while (i < text.length() && (text.charAt(i) < 0x20 || text.charAt(i) > 0x7e)) {
                    i++;
                }
                byte[] utf16 = text.substring(start, i).getBytes(StandardCharsets.UTF_16BE);
                out.append('&').append(ENCODER.encodeToString(utf16).replace('/', ',')).append('-');
            }
        }
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException if the text is not valid modified UTF-7 (unterminated
     *     shift, bad or non-canonical base64, odd UTF-16 length, a shift that encodes printable
     *     ASCII, or two shifts in a row): only what {@link #encode} writes is accepted
     */
    public static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("8-bit or control character in modified UTF-7");
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int end = text.indexOf('-', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated '&' shift");
            }
            if (end == i + 1) {
                out.append('&');
            } else {
                out.append(decodeShift(text.substring(i + 1, end)));
                // one name, one spelling (as Dovecot): "&AOQ-&APY-" must be written "&AOQA9g-"
                if (text.startsWith("&", end + 1) && !text.startsWith("&-", end + 1)) {
                    throw new IllegalArgumentException("adjacent base64 shifts in modified UTF-7");
                }
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static String decodeShift(String base64) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(base64.replace(',', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64 in modified UTF-7");
        }
        if (bytes.length == 0 || bytes.length % 2 != 0) {
            throw new IllegalArgumentException("bad UTF-16 in modified UTF-7");
        }
        // The decoder ignores unused low bits and takes '=' padding; either would give the
        // same name a second spelling, so only the form encode() writes is accepted.
        if (!ENCODER.encodeToString(bytes).replace('/', ',').equals(base64)) {
            throw new IllegalArgumentException("non-canonical base64 in modified UTF-7");
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_16BE.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bad UTF-16 in modified UTF-7");
        }
        for (int k = 0; k < decoded.length(); k++) {
            char d = decoded.charAt(k);
            if (d >= 0x20 && d <= 0x7e) {
                throw new IllegalArgumentException("printable ASCII must not be base64-encoded");
            }
        }
        return decoded;
    }
}
