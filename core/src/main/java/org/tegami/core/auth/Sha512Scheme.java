package org.tegami.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code {SHA512}} (base64 of SHA-512 of the password) and {@code {SSHA512}} (base64 of
 * SHA-512 of password and salt, followed by the salt), as Dovecot writes them. Weak: fast
 * hashes, kept for importing old user lists.
 */
public final class Sha512Scheme implements PasswordScheme {

    private static final int DIGEST_LENGTH = 64;
    private final boolean salted;

    /** @param salted true for {@code SSHA512} */
    public Sha512Scheme(boolean salted) {
        this.salted = salted;
    }

    @Override
    public String name() {
        return salted ? "SSHA512" : "SHA512";
    }

    @Override
    public boolean wellFormed(String stored) {
        byte[] raw = decode(stored);
        return raw != null && (salted ? raw.length > DIGEST_LENGTH : raw.length == DIGEST_LENGTH);
    }

    @Override
    public boolean verify(String password, String stored) {
        if (!wellFormed(stored)) {
            return false;
        }
        byte[] raw = decode(stored);
        MessageDigest md = sha512();
        md.update(password.getBytes(StandardCharsets.UTF_8));
        if (salted) {
            md.update(raw, DIGEST_LENGTH, raw.length - DIGEST_LENGTH);
        }
        return MessageDigest.isEqual(md.digest(), Arrays.copyOf(raw, DIGEST_LENGTH));
    }

    private static byte[] decode(String stored) {
        try {
            return Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every Java runtime", e);
        }
    }
}
