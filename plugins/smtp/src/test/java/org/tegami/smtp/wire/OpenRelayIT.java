package org.tegami.smtp.wire;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No listener relays for a client that has not authenticated, with or without TLS, from loopback
 * or (the {@code -remote} endpoints) as if from elsewhere; DATA is refused after the refusal.
 */
class OpenRelayIT {

    private static WireServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new WireServers();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @ParameterizedTest(name = "{0} starttls={1}")
    @CsvSource({
        "smtp, false, 250 2\\.1\\.0 Ok, 550 5\\.7\\.1 Relaying denied",
        "smtp, true, 250 2\\.1\\.0 Ok, 550 5\\.7\\.1 Relaying denied",
        "smtp-remote, false, 250 2\\.1\\.0 Ok, 550 5\\.7\\.1 Relaying denied",
        "smtp-remote, true, 250 2\\.1\\.0 Ok, 550 5\\.7\\.1 Relaying denied",
        "submission, false, 530 5\\.7\\.0 .*, 503 5\\.5\\.1 .*",
        "submission, true, 530 5\\.7\\.0 .*, 503 5\\.5\\.1 .*",
        "submission-remote, false, 530 5\\.7\\.0 .*, 503 5\\.5\\.1 .*",
        "submission-remote, true, 530 5\\.7\\.0 .*, 503 5\\.5\\.1 .*",
        "smtps, false, 530 5\\.7\\.0 .*, 503 5\\.5\\.1 .*",
    })
    void refusesUnauthenticatedMailToAnotherDomain(String endpoint, boolean starttls, String mailReply, String rcptReply) throws Exception {
        List<String> script = new ArrayList<>(List.of("L: " + endpoint, "S: 220 .*"));
        script.addAll(ehlo());
        if (starttls) {
            script.addAll(List.of("C: STARTTLS", "S: 220 2\\.0\\.0 .*", "T:"));
            script.addAll(ehlo());
        }
        script.addAll(List.of("C: MAIL FROM:<spammer@spam.example>", "S: " + mailReply,
                "C: RCPT TO:<victim@elsewhere.example>", "S: " + rcptReply,
                "C: DATA", "S: 503 5\\.5\\.1 .*", "C: QUIT", "S: 221 .*"));
        new TranscriptRunner(servers::port).run(script, endpoint);
    }

    private static List<String> ehlo() {
        return List.of("C: EHLO relay.test", "M: 250 .*");
    }
}
