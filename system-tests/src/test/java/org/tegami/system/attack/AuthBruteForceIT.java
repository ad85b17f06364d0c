package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Password guessing on SMTP submission, POP3 and IMAP: after {@code auth.max-failures} (3)
 * failures an address is locked out for {@code auth.lockout} (2 s here), during which even the
 * right password is refused, on every protocol; afterwards it works again. A wrong password and
 * an unknown user get the same reply, before and during the lockout.
 */
class AuthBruteForceIT {

    private static final Duration LOCKOUT = Duration.ofSeconds(2);
    private static final int ATTEMPTS = 12;

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of("auth.lockout", "2s"), started -> server = started);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"submission, 127.0.0.51", "pop3, 127.0.0.52", "imap, 127.0.0.53"})
    void unknownUserAndWrongPasswordLookAlike(String protocol, String source) throws Exception {
        String wrongPassword = Logins.attempt(server, protocol, source, "u1@localhost", "wrong");
        String unknownUser = Logins.attempt(server, protocol, source, "nobody@localhost", "wrong");
        assertFalse(Logins.succeeded(protocol, wrongPassword), wrongPassword);
        assertEquals(wrongPassword, unknownUser, "the reply tells whether the user exists");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"submission, 127.0.0.54", "pop3, 127.0.0.55", "imap, 127.0.0.56"})
    void manyWrongPasswordsLockTheAddressOutUntilTheLockoutEnds(String protocol, String source) throws Exception {
        long lockedAt = 0;
        String lockedKnown = null;
        String lockedUnknown = null;
        for (int i = 1; i <= ATTEMPTS; i++) {
            String user = i % 2 == 0 ? "nobody@localhost" : "u1@localhost";
            String reply = Logins.attempt(server, protocol, source, user, "guess" + i);
            assertFalse(Logins.succeeded(protocol, reply), reply);
            if (i == 3) {
                lockedAt = System.nanoTime();
            } else if (i > 3) {
                if (user.startsWith("u1")) {
                    lockedKnown = reply;
                } else {
                    lockedUnknown = reply;
                }
            }
        }
        assertEquals(lockedKnown, lockedUnknown, "during the lockout, known and unknown users look alike");
        String right = Logins.attempt(server, protocol, source, "u1@localhost", "pass1");
        assertFalse(Logins.succeeded(protocol, right), "the right password during the lockout: " + right);
        long wait = LOCKOUT.toMillis() + 300 - (System.nanoTime() - lockedAt) / 1_000_000;
        assertTrue(wait > 0, "the attempts took longer than the lockout; the test proves nothing");
        Thread.sleep(wait);
        String after = Logins.attempt(server, protocol, source, "u1@localhost", "pass1");
        assertTrue(Logins.succeeded(protocol, after), "the right password after the lockout: " + after);
    }

    @Test
    void aLockoutEarnedOnOneProtocolHoldsOnTheOthers() throws Exception {
        String source = "127.0.0.57";
        for (int i = 0; i < 3; i++) {
            assertFalse(Logins.succeeded("imap", Logins.attempt(server, "imap", source, "u2@localhost", "guess" + i)));
        }
        for (String protocol : new String[] {"submission", "pop3", "imap"}) {
            String reply = Logins.attempt(server, protocol, source, "u2@localhost", "pass2");
            assertFalse(Logins.succeeded(protocol, reply), protocol + " during a lockout earned on IMAP: " + reply);
        }
        // other addresses are not locked out
        assertTrue(Logins.succeeded("pop3", Logins.attempt(server, "pop3", "127.0.0.58", "u2@localhost", "pass2")));
    }
}
