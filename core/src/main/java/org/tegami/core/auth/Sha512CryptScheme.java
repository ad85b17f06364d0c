package org.tegami.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {SHA512-CRYPT}}: the {@code $6$} SHA-512 crypt of glibc, after Ulrich Drepper's
 * specification "Unix crypt using SHA-256 and SHA-512" (salt up to 16 characters, optional
 * {@code rounds=N} between 1000 and 999,999,999, default 5000).
 */
public final class Sha512CryptScheme implements PasswordScheme {

    private static final Pattern SHAPE = Pattern.compile("\\$6\\$(rounds=([0-9]{1,10})\\$)?([^$:\\n]{0,16})\\$[./0-9A-Za-z]{86}");
    private static final Pattern SETTING = Pattern.compile("\\$6\\$(rounds=([0-9]{1,10})\\$)?([^$]*)(\\$.*)?");
    private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int DEFAULT_ROUNDS = 5000;

    @Override
    public String name() {
        return "SHA512-CRYPT";
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
        String computed = crypt(password.getBytes(StandardCharsets.UTF_8), stored);
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Computes the crypt string for a key and a setting ({@code $6$[rounds=N$]salt[$...]});
     * anything after the salt is ignored, so a stored hash can serve as the setting.
     */
    public static String crypt(byte[] key, String setting) {
        Matcher m = SETTING.matcher(setting);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a $6$ setting");
        }
        boolean customRounds = m.group(1) != null;
        int rounds = DEFAULT_ROUNDS;
        if (customRounds) {
            long r = Long.parseLong(m.group(2));
            rounds = (int) Math.max(1000, Math.min(999_999_999L, r));
        }
        String saltText = m.group(3);
        if (saltText.length() > 16) {
            saltText = saltText.substring(0, 16);
        }
        byte[] salt = saltText.getBytes(StandardCharsets.UTF_8);
        byte[] hash = digest(key, salt, rounds);
        StringBuilder out = new StringBuilder("$6$");
        if (customRounds) {
            out.append("rounds=").append(rounds).append('$');
        }
        out.append(saltText).append('$');
        encode(hash, out);
        return out.toString();
    }

    private static byte[] digest(byte[] p, byte[] s, int rounds) {
        MessageDigest md = sha512();
        // Steps 4-8: digest B = H(P S P).
        md.update(p);
        md.update(s);
        md.update(p);
        byte[] b = md.digest();
        // Steps 1-3, 9-12: digest A.
        md.update(p);
        md.update(s);
        repeat(md, b, p.length);
        for (int n = p.length; n > 0; n >>= 1) {
            md.update((n & 1) != 0 ? b : p);
        }
        byte[] a = md.digest();
        // Steps 13-16: P sequence from DP = H(P repeated |P| times).
        for (int i = 0; i < p.length; i++) {
            md.update(p);
        }
        byte[] pSeq = stretch(md.digest(), p.length);
        // Steps 17-20: S sequence from DS = H(S repeated 16 + A[0] times).
        for (int i = 0; i < 16 + (a[0] & 0xff); i++) {
            md.update(s);
        }
        byte[] sSeq = stretch(md.digest(), s.length);
        // Step 21: the rounds.
        byte[] c = a;
        for (int i = 0; i < rounds; i++) {
            md.update((i & 1) != 0 ? pSeq : c);
            if (i % 3 != 0) {
                md.update(sSeq);
            }
            if (i % 7 != 0) {
                md.update(pSeq);
            }
            md.update((i & 1) != 0 ? c : pSeq);
            c = md.digest();
        }
        return c;
    }

    /** Step 22e: the bytes in the specification's order, 24 bits at a time, low 6 bits first. */
    private static void encode(byte[] h, StringBuilder out) {
        for (int i = 0; i < 21; i++) {
            int x = h[i] & 0xff;
            int y = h[i + 21] & 0xff;
            int z = h[i + 42] & 0xff;
            switch (i % 3) {
                case 0: b64(x, y, z, 4, out); break;
                case 1: b64(y, z, x, 4, out); break;
                default: b64(z, x, y, 4, out); break;
            }
        }
        b64(0, 0, h[63] & 0xff, 2, out);
    }

    private static void b64(int b2, int b1, int b0, int n, StringBuilder out) {
        int w = (b2 << 16) | (b1 << 8) | b0;
        for (int i = 0; i < n; i++) {
            out.append(ITOA64.charAt(w & 0x3f));
            w >>>= 6;
        }
    }

    private static void repeat(MessageDigest md, byte[] block, int length) {
        int left = length;
        for (; left > block.length; left -= block.length) {
            md.update(block);
        }
        md.update(block, 0, left);
    }

    private static byte[] stretch(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = block[i % block.length];
        }
        return out;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every Java runtime", e);
        }
    }
}
