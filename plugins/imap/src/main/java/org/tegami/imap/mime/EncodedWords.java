package org.tegami.imap.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?utf-8?Q?caf=C3=A9?=}) for SEARCH, which compares
 * decoded text. Whitespace between two adjacent encoded words is dropped (RFC 2047 6.2).
 * Unknown charsets and broken words are left as written.
 */
public final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?*]+)(\\*[^?]*)?\\?([bBqQ])\\?([^?]*)\\?=");

    private EncodedWords() {
    }

    public static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        boolean previousWasWord = false;
        while (m.find()) {
            String between = text.substring(last, m.start());
            if (!(previousWasWord && between.isBlank())) {
                out.append(between);
            }
            String decoded = word(m.group(1), m.group(3), m.group(4));
            if (decoded == null) {
                out.append(m.group());
            } else {
                out.append(decoded);
            }
            previousWasWord = decoded != null;
            last = m.end();
        }
        out.append(text.substring(last));
        return out.toString();
    }

    private static String word(String charsetName, String encoding, String payload) {
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            byte[] bytes;
            if (encoding.equalsIgnoreCase("B")) {
                bytes = Base64.getMimeDecoder().decode(payload);
            } else {
                bytes = qDecode(payload);
            }
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The "Q" encoding: quoted-printable with {@code _} for space. */
    private static byte[] qDecode(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = payload.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < in.length; i++) {
            int c = in[i];
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < in.length) {
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad Q encoding");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
