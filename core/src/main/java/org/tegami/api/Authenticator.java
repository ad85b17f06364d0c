package org.tegami.api;

import java.net.InetAddress;

/**
 * Checks passwords for all protocols, with one shared brute-force defence: each failure from
 * an address is answered more slowly, and after too many the address is locked out for a
 * while (config keys {@code auth.max-failures}, {@code auth.lockout}). The delay happens inside
 * {@link #authenticate}, on the calling session's thread. Thread-safe.
 */
public interface Authenticator {

    /**
     * @param login the user name the client gave
     * @param password the password; callers should not keep it
     * @param client the client's address, the key for the lockout
     * @return the outcome; never {@code null}
     */
    AuthResult authenticate(String login, String password, InetAddress client);

    /** The outcome of one attempt. */
    sealed interface AuthResult {

        /** The password matched this account. */
        record Success(UserAccount account) implements AuthResult {
        }

        /** Wrong user or password (not told apart, on purpose). */
        record Failure() implements AuthResult {
        }

        /** Too many failures from this address; refused without checking. */
        record LockedOut() implements AuthResult {
        }

        /** The user store could not be read: a temporary error. */
        record Unavailable(String reason) implements AuthResult {
        }
    }
}
