package org.tegami.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * {@code {BLF-CRYPT}}: OpenBSD bcrypt, {@code $2a$}, {@code $2b$} or {@code $2y$}, cost 4 to 31.
 * The password is UTF-8; bcrypt uses its first 72 bytes. Verification recomputes the string
 * with the stored salt and compares all of it in constant time.
 */
public final class BlfCryptScheme implements PasswordScheme {

    private static final Pattern SHAPE = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @Override
    public String name() {
        return "BLF-CRYPT";
    }

    @Override
    public boolean wellFormed(String stored) {
        return SHAPE.matcher(stored).matches();
    }

    @Override
    public boolean verify(String password, String stored) {
        if (!wellFormed(stored)) {
            return false;
        }
        String version = stored.substring(1, 3);
        int cost = Integer.parseInt(stored.substring(4, 6));
        byte[] salt = decodeSalt(stored.substring(7, 29));
        String computed = OpenBSDBCrypt.generate(version, password.getBytes(StandardCharsets.UTF_8), salt, cost);
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    /** A new {@code $2y$} hash (the variant Dovecot writes) with a random salt. */
    public String hash(String password, int cost, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.getBytes(StandardCharsets.UTF_8), salt, cost);
    }

    /** bcrypt's own base64 (alphabet {@code ./A-Za-z0-9}, no padding): 22 characters carry 16 bytes. */
    private static byte[] decodeSalt(String text) {
        byte[] out = new byte[16];
        int bits = 0;
        int buffer = 0;
        int n = 0;
        for (int i = 0; i < text.length() && n < out.length; i++) {
            buffer = (buffer << 6) | ALPHABET.indexOf(text.charAt(i));
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (buffer >> bits);
            }
        }
        return out;
    }
}
