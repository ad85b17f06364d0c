package org.tegami.core.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tegami.api.Authenticator;
import org.tegami.core.metrics.ServerMetrics;
import org.tinylog.Logger;

/**
 * Checks passwords against a {@link CredentialSource} and slows down guessing per client
 * address: a failure is answered after {@code auth.failure-delay}, doubled for each further
 * consecutive failure from that address up to eight times the base; {@code auth.max-failures}
 * failures within {@code auth.lockout} lock the address out for {@code auth.lockout}, during
 * which it is refused without a password check. A success clears the address's record.
 *
 * <p>Unknown users cost the same bcrypt work as known ones, so timing does not tell which
 * names exist: {@link #atCost} checks them against a hash of the cost new passwords get
 * ({@code auth.password-cost}), not a fixed one. Failures are logged (tag {@code auth}) with login and address, never the
 * password. Thread-safe; the delay sleeps on the caller's thread, outside any lock.
 */
public final class ThrottlingAuthenticator implements Authenticator {

    /** Addresses remembered at most; the least recently seen are forgotten first. */
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final int MAX_DELAY_FACTOR = 8;
    /** A valid cost-12 bcrypt string matching no password, checked for unknown users. */
    static final String DUMMY_HASH = "{BLF-CRYPT}$2y$12$C6UzMDM.H6dfI/f/IKxGhuSE8dPkJo/dQoNL6fJk6Yc/6d3ZlDGAW";
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final CredentialSource users;
    private final FailureTracker failures;
    private final Duration failureDelay;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String dummyHash;
    private final ServerMetrics metrics;

    /** With the system clock, real sleeping and the default capacity. */
    public ThrottlingAuthenticator(CredentialSource users, int maxFailures, Duration lockout, Duration failureDelay) {
        this(users, maxFailures, lockout, failureDelay, ServerMetrics.unexported());
    }

    /** With the system clock, real sleeping and the default capacity, counting outcomes in {@code metrics}. */
    public ThrottlingAuthenticator(CredentialSource users, int maxFailures, Duration lockout, Duration failureDelay,
            ServerMetrics metrics) {
        this(users, maxFailures, lockout, failureDelay, Clock.systemUTC(), Sleeper.THREAD, DEFAULT_CAPACITY,
                DUMMY_HASH, metrics);
    }

    /**
     * With the system clock, real sleeping and the default capacity; unknown users are checked
     * against a bcrypt hash of {@code passwordCost}, the cost of the users' own hashes.
     */
    public static ThrottlingAuthenticator atCost(CredentialSource users, int maxFailures, Duration lockout,
            Duration failureDelay, int passwordCost, ServerMetrics metrics) {
        return new ThrottlingAuthenticator(users, maxFailures, lockout, failureDelay, Clock.systemUTC(), Sleeper.THREAD,
                DEFAULT_CAPACITY, dummyHash(passwordCost, new SecureRandom()), metrics);
    }

    /**
     * A well-formed bcrypt string of {@code cost} with a random salt and digest, which no
     * password matches: checking a password against it costs what checking a real one of that
     * cost does. Written out rather than hashed, which would cost as much once more at every
     * start (a quarter second at cost 12) for no gain.
     */
    static String dummyHash(int cost, SecureRandom random) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4 to 31");
        }
        StringBuilder s = new StringBuilder("{BLF-CRYPT}$2y$").append(cost < 10 ? "0" : "").append(cost).append('$');
        for (int i = 0; i < 53; i++) {
            s.append(BCRYPT_ALPHABET.charAt(random.nextInt(BCRYPT_ALPHABET.length())));
        }
        return s.toString();
    }

    /**
     * @param capacity how many client addresses are tracked at most
     * @param dummyHash checked for unknown users to even out timing (tests pass a cheap one)
     */
    public ThrottlingAuthenticator(CredentialSource users, int maxFailures, Duration lockout, Duration failureDelay,
            Clock clock, Sleeper sleeper, int capacity, String dummyHash) {
        this(users, maxFailures, lockout, failureDelay, clock, sleeper, capacity, dummyHash,
                ServerMetrics.unexported());
    }

    /** The full form: {@code metrics} counts successes, failures, refusals and lockouts. */
    public ThrottlingAuthenticator(CredentialSource users, int maxFailures, Duration lockout, Duration failureDelay,
            Clock clock, Sleeper sleeper, int capacity, String dummyHash, ServerMetrics metrics) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.users = users;
        this.failures = new FailureTracker(maxFailures, lockout, lockout, capacity);
        this.failureDelay = failureDelay;
        this.clock = clock;
        this.sleeper = sleeper;
        this.dummyHash = dummyHash;
        this.metrics = metrics;
    }

    @Override
    public AuthResult authenticate(String login, String password, InetAddress client) {
        String who = printable(login);
        String from = client.getHostAddress();
        if (failures.lockedOut(client, clock.instant())) {
            metrics.authRefusedLockedOut();
            Logger.tag("auth").info("login refused for {} from {}: address locked out", who, from);
            return new AuthResult.LockedOut();
        }
        Optional<CredentialSource.Credential> credential;
        try {
            credential = users.credential(login);
        } catch (IOException e) {
            metrics.authUnavailable();
            Logger.tag("auth").warn("login of {} from {} not checked: {}", who, from, e.getMessage());
            return new AuthResult.Unavailable("user directory unavailable");
        }
        String stored = credential.map(CredentialSource.Credential::storedPassword).orElse(dummyHash);
        boolean matches = PasswordSchemes.verify(password, stored) && credential.isPresent();
        if (matches) {
            failures.reset(client);
            metrics.authSucceeded();
            Logger.tag("auth").debug("login of {} from {} succeeded", who, from);
            return new AuthResult.Success(credential.get().account());
        }
        int count = failures.fail(client, clock.instant());
        metrics.authFailed();
        Logger.tag("auth").info("login failed for {} from {} ({}{})", who, from,
                credential.isPresent() ? "wrong password" : "no such user", count > 0 ? ", failure " + count : "");
        if (failures.lockedOut(client, clock.instant())) {
            metrics.lockedOut();
            Logger.tag("auth").warn("{} locked out after {} failed logins", from, count);
        }
        pause(delayFor(count));
        return new AuthResult.Failure();
    }

    /** The answer delay after the n-th consecutive failure: base, 2x, 4x, up to 8x. */
    Duration delayFor(int failureCount) {
        int factor = 1 << Math.min(Math.max(failureCount - 1, 0), 3);
        return failureDelay.multipliedBy(Math.min(factor, MAX_DELAY_FACTOR));
    }

    private void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Logins come from clients: keep control characters out of the log. */
    private static String printable(String login) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < login.length() && i < 128; i++) {
            char c = login.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
