package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tegami.core.auth.PasswordHasher;

/**
 * User enumeration by timing: with users hashed at {@code auth.password-cost} 4 (as
 * {@code tegami user add} makes them under that setting), a wrong password for an existing user
 * and any password for an unknown one take about the same time. A fixed cost-12 check for
 * unknown users would make them a quarter second slower or more.
 */
class AuthTimingIT {

    private static final int ROUNDS = 7;
    private static final long TOLERANCE_MS = 100;

    @TempDir
    static Path dir;
    private static AttackServer server;

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("bcrypt-users");
        Files.writeString(users, "u1@localhost:" + new PasswordHasher(4).hash("pass1") + "\n");
        server = AttackServer.start(dir.resolve("server"), Map.of("users.file", users.toString(), "auth.password-cost", "4",
                "auth.failure-delay", "0s", "auth.max-failures", "1000"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.closeAndAssertNoErrors();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"submission", "pop3", "imap"})
    void unknownUsersTakeAsLongAsWrongPasswords(String protocol) throws Exception {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            known.add(timed(protocol, "u1@localhost"));
            unknown.add(timed(protocol, "nobody" + i + "@localhost"));
        }
        long k = median(known);
        long u = median(unknown);
        assertTrue(Math.abs(u - k) < TOLERANCE_MS, "median ms: wrong password " + k + ", unknown user " + u);
    }

    private static long timed(String protocol, String user) throws Exception {
        long t0 = System.nanoTime();
        String reply = Logins.attempt(server, protocol, "127.0.0.111", user, "wrong");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(Logins.succeeded(protocol, reply), reply);
        return ms;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
