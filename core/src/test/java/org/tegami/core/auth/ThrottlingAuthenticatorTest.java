package org.tegami.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tegami.api.Authenticator.AuthResult;
import org.tegami.api.UserAccount;
import org.tegami.core.metrics.MetricValues;
import org.tegami.core.metrics.MetricsRegistry;
import org.tegami.core.metrics.ServerMetrics;

class ThrottlingAuthenticatorTest {

    private static final String CHEAP_DUMMY = new PasswordHasher(4).hash("dummy-not-a-password");

    private final FakeClock clock = new FakeClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Map<String, String> stored = Map.of("alice@x.org", new PasswordHasher(4).hash("right"));
    private boolean broken;

    private final CredentialSource source = login -> {
        if (broken) {
            throw new IOException("conf/users: cannot read: Permission denied");
        }
        return Optional.ofNullable(stored.get(login.toLowerCase()))
                .map(h -> new CredentialSource.Credential(new UserAccount(login.toLowerCase(), 0, Map.of()), h));
    };

    private ThrottlingAuthenticator authenticator(int maxFailures, int capacity) {
        return new ThrottlingAuthenticator(source, maxFailures, Duration.ofMinutes(15), Duration.ofSeconds(1), clock,
                sleeps::add, capacity, CHEAP_DUMMY);
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void countsEveryOutcomeAndEachLockout() throws Exception {
        MetricsRegistry registry = new MetricsRegistry();
        ThrottlingAuthenticator a = new ThrottlingAuthenticator(source, 2, Duration.ofMinutes(15), Duration.ofSeconds(1),
                clock, sleeps::add, 100, CHEAP_DUMMY, new ServerMetrics(registry));
        InetAddress bad = ip("192.0.2.1");
        a.authenticate("alice@x.org", "right", ip("192.0.2.2"));
        a.authenticate("alice@x.org", "wrong", bad);
        a.authenticate("nobody@x.org", "wrong", bad);
        a.authenticate("alice@x.org", "right", bad);
        broken = true;
        a.authenticate("alice@x.org", "right", ip("192.0.2.3"));

        assertEquals(1, MetricValues.value(registry, "tegami_auth_attempts_total", "success"));
        assertEquals(2, MetricValues.value(registry, "tegami_auth_attempts_total", "failure"));
        assertEquals(1, MetricValues.value(registry, "tegami_auth_attempts_total", "locked_out"));
        assertEquals(1, MetricValues.value(registry, "tegami_auth_attempts_total", "unavailable"));
        assertEquals(1, MetricValues.value(registry, "tegami_auth_lockouts_total"));
    }

    @Test
    void rightPasswordSucceedsWithoutDelay() throws Exception {
        AuthResult r = authenticator(5, 100).authenticate("Alice@X.org", "right", ip("192.0.2.1"));
        assertEquals("alice@x.org", assertInstanceOf(AuthResult.Success.class, r).account().name());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void failuresAreDelayedMoreEachTimeUpToACap() throws Exception {
        ThrottlingAuthenticator a = authenticator(100, 100);
        for (int i = 0; i < 6; i++) {
            assertInstanceOf(AuthResult.Failure.class, a.authenticate("alice@x.org", "wrong", ip("192.0.2.1")));
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 8L, 8L), sleeps.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void unknownUserLooksLikeWrongPassword() throws Exception {
        AuthResult r = authenticator(5, 100).authenticate("mallory@x.org", "right", ip("192.0.2.1"));
        assertInstanceOf(AuthResult.Failure.class, r);
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void locksOutAnAddressAfterMaxFailuresForTheLockoutTime() throws Exception {
        ThrottlingAuthenticator a = authenticator(3, 100);
        InetAddress bad = ip("192.0.2.1");
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(AuthResult.Failure.class, a.authenticate("alice@x.org", "wrong", bad));
        }
        assertInstanceOf(AuthResult.LockedOut.class, a.authenticate("alice@x.org", "right", bad));
        assertInstanceOf(AuthResult.Success.class, a.authenticate("alice@x.org", "right", ip("192.0.2.2")));
        clock.advance(Duration.ofMinutes(14));
        assertInstanceOf(AuthResult.LockedOut.class, a.authenticate("alice@x.org", "right", bad));
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(AuthResult.Success.class, a.authenticate("alice@x.org", "right", bad));
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64SoFreshAddressesDoNotEscapeTheLockout() throws Exception {
        ThrottlingAuthenticator a = authenticator(3, 100);
        for (int i = 1; i <= 3; i++) {
            a.authenticate("alice@x.org", "wrong", ip("2001:db8:1:2::" + Integer.toHexString(i)));
        }
        assertInstanceOf(AuthResult.LockedOut.class, a.authenticate("alice@x.org", "right", ip("2001:db8:1:2:ffff::9")));
        assertInstanceOf(AuthResult.Success.class, a.authenticate("alice@x.org", "right", ip("2001:db8:1:3::1")));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() throws Exception {
        ThrottlingAuthenticator a = authenticator(3, 100);
        InetAddress client = ip("2001:db8::1");
        a.authenticate("alice@x.org", "wrong", client);
        a.authenticate("alice@x.org", "wrong", client);
        clock.advance(Duration.ofMinutes(16));
        a.authenticate("alice@x.org", "wrong", client);
        assertInstanceOf(AuthResult.Success.class, a.authenticate("alice@x.org", "right", client));
        assertEquals(Duration.ofSeconds(1), sleeps.get(2), "the count started again");
    }

    @Test
    void successResetsTheCount() throws Exception {
        ThrottlingAuthenticator a = authenticator(3, 100);
        InetAddress client = ip("192.0.2.1");
        a.authenticate("alice@x.org", "wrong", client);
        a.authenticate("alice@x.org", "wrong", client);
        a.authenticate("alice@x.org", "right", client);
        a.authenticate("alice@x.org", "wrong", client);
        a.authenticate("alice@x.org", "wrong", client);
        assertInstanceOf(AuthResult.Success.class, a.authenticate("alice@x.org", "right", client));
        assertEquals(List.of(1L, 2L, 1L, 2L), sleeps.stream().map(Duration::toSeconds).toList());
    }

    @Test
    void unreadableDirectoryIsUnavailableAndNotCountedAsFailure() throws Exception {
        ThrottlingAuthenticator a = authenticator(1, 100);
        broken = true;
        AuthResult r = a.authenticate("alice@x.org", "right", ip("192.0.2.1"));
        assertInstanceOf(AuthResult.Unavailable.class, r);
        broken = false;
        assertInstanceOf(AuthResult.Success.class, a.authenticate("alice@x.org", "right", ip("192.0.2.1")));
    }

    @Test
    void memoryIsBoundedByCapacity() throws Exception {
        FailureTracker tracker = new FailureTracker(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 50);
        for (int i = 0; i < 1000; i++) {
            tracker.fail(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}), clock.instant());
        }
        assertEquals(50, tracker.size());
    }

    @Test
    void expiredEntriesAreDropped() throws Exception {
        FailureTracker tracker = new FailureTracker(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000);
        for (int i = 0; i < 5; i++) {
            tracker.fail(InetAddress.getByAddress(new byte[] {10, 0, 0, (byte) i}), clock.instant());
        }
        clock.advance(Duration.ofHours(1));
        tracker.fail(ip("192.0.2.9"), clock.instant());
        assertEquals(1, tracker.size());
    }

    @Test
    void theBuiltInDummyHashIsWellFormed() {
        assertTrue(PasswordSchemes.parse(ThrottlingAuthenticator.DUMMY_HASH).isPresent());
    }

    @Test
    void theDummyHashForUnknownUsersHasTheConfiguredCostAndMatchesNoPassword() {
        String dummy = ThrottlingAuthenticator.dummyHash(5, new java.security.SecureRandom());
        assertTrue(dummy.startsWith("{BLF-CRYPT}$2y$05$"), dummy);
        assertTrue(PasswordSchemes.parse(dummy).isPresent(), dummy);
        assertFalse(PasswordSchemes.verify("", dummy));
        assertFalse(PasswordSchemes.verify("secret", dummy));
        assertTrue(ThrottlingAuthenticator.dummyHash(12, new java.security.SecureRandom()).startsWith("{BLF-CRYPT}$2y$12$"));
        assertNotEquals(dummy, ThrottlingAuthenticator.dummyHash(5, new java.security.SecureRandom()));
    }
}
