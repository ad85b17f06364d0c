package org.tegami.core.auth;

/**
 * One Dovecot password scheme: checks a password against the stored text that follows the
 * {@code {SCHEME}} prefix. Implementations compare the computed and stored hashes in constant
 * time and are thread-safe.
 */
public interface PasswordScheme {

    /** The scheme name as written between braces, upper-case, e.g. {@code BLF-CRYPT}. */
    String name();

    /** Whether the stored text has this scheme's shape; checked when the users file is read. */
    boolean wellFormed(String stored);

    /** Whether {@code password} matches; false for malformed stored text. */
    boolean verify(String password, String stored);
}
