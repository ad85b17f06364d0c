package org.tegami.core.auth;

import java.security.SecureRandom;

/**
 * Hashes new passwords for the users file as {@code {BLF-CRYPT}$2y$<cost>$...}.
 *
 * <p>bcrypt rather than Argon2id because every Dovecot build reads it (Argon2 needs one built
 * with libsodium), so the users file stays usable by Dovecot on the same machine, and because
 * it needs 4 KiB per check instead of Argon2's tens of MiB, which matters on small machines
 * under a password-guessing flood. Cost 12 is about a quarter second per check.
 */
public final class PasswordHasher {

    /** The cost for new passwords. */
    public static final int DEFAULT_COST = 12;

    private final BlfCryptScheme bcrypt = new BlfCryptScheme();
    private final SecureRandom random = new SecureRandom();
    private final int cost;

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    /** @param cost bcrypt cost 4 to 31 (tests use 4) */
    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4 to 31");
        }
        this.cost = cost;
    }

    /** The stored form for a new password, with its scheme prefix. */
    public String hash(String password) {
        return "{" + bcrypt.name() + "}" + bcrypt.hash(password, cost, random);
    }
}
