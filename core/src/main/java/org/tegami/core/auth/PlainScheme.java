package org.tegami.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code {PLAIN}} and {@code {CLEARTEXT}}: the password itself. Only for compatibility and tests. */
public final class PlainScheme implements PasswordScheme {

    private final String name;

    /** @param name {@code PLAIN} or {@code CLEARTEXT} */
    public PlainScheme(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean wellFormed(String stored) {
        return true;
    }

    @Override
    public boolean verify(String password, String stored) {
        // Hash both first so the comparison time does not depend on where they differ or on length.
        return MessageDigest.isEqual(sha256(password), sha256(stored));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
