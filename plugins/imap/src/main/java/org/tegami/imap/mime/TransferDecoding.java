package org.tegami.imap.mime;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/** Undoes a Content-Transfer-Encoding (RFC 2045 6.7 quoted-printable, 6.8 base64) for text search. */
public final class TransferDecoding {

    private TransferDecoding() {
    }

    /** The decoded bytes; identity encodings and unknown ones come back unchanged. */
    public static byte[] decode(byte[] body, String encoding) {
        switch (encoding.toUpperCase(Locale.ROOT)) {
            case "BASE64":
                try {
                    return Base64.getMimeDecoder().decode(stripInvalid(body));
                } catch (IllegalArgumentException e) {
                    return body;
                }
            case "QUOTED-PRINTABLE":
                return quotedPrintable(body);
            default:
                return body;
        }
    }

    private static byte[] stripInvalid(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (byte b : body) {
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/'
                    || b == '=') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] quotedPrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte c = in[i];
            if (c != '=') {
                out.write(c);
                continue;
            }
            if (i + 1 < in.length && in[i + 1] == '\n') {
                i += 1;
            } else if (i + 2 < in.length && in[i + 1] == '\r' && in[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0 && Character.digit(in[i + 2], 16) >= 0) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
