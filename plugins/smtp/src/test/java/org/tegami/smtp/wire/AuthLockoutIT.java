package org.tegami.smtp.wire;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.testing.TestServer;

/**
 * Password guessing: after {@code auth.max-failures} failures the client's address is locked
 * out, and even the right password is then answered {@code 454 4.7.0} without being checked.
 * A server of its own, since the lockout covers every client on 127.0.0.1.
 */
class AuthLockoutIT {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WireServers.start(true, "auth.max-failures", "2", "auth.lockout", "10m");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void locksOutAfterRepeatedFailures() throws Exception {
        String wrong = "AUTH PLAIN AGFsaWNlQHRlc3QAd3Jvbmc=";
        new TranscriptRunner(server::port).run(List.of("L: submission", "S: 220 .*", "C: EHLO guesser.test", "M: 250 AUTH PLAIN LOGIN",
                "C: " + wrong, "S: 535 5\\.7\\.8 .*", "C: " + wrong, "S: 535 5\\.7\\.8 .*",
                "C: AUTH PLAIN AGFsaWNlQHRlc3QAc2VjcmV0", "S: 454 4\\.7\\.0 .*",
                "C: MAIL FROM:<alice@test>", "S: 530 5\\.7\\.0 .*"), "lockout");
    }
}
