package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS command injection (CVE-2011-0411): commands a man in the middle appends in clear
 * text after STARTTLS must not be run inside the encrypted session.
 */
class StartTlsInjectionIT {

    private static WireServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new WireServers();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void plaintextAfterStartTlsIsDropped() throws Exception {
        new TranscriptRunner(servers::port).run(List.of(
                "L: smtp-remote", "S: 220 .*", "C: EHLO c", "M: 250 STARTTLS",
                "R: STARTTLS\\r\\nEHLO evil\\r\\nMAIL FROM:<evil@x.example>\\r\\nRCPT TO:<alice@test>\\r\\nDATA\\r\\ninjected\\r\\n.\\r\\n",
                "S: 220 2\\.0\\.0 Ready to start TLS", "T:",
                "C: RCPT TO:<alice@test>", "S: 503 5\\.5\\.1 Send EHLO or HELO first",
                "C: EHLO c", "M: 250 AUTH PLAIN LOGIN", "C: RCPT TO:<alice@test>", "S: 503 5\\.5\\.1 Send MAIL first",
                "C: MAIL FROM:<a@b.example>", "C: RCPT TO:<alice@test>", "C: DATA", "S: 250 .*", "S: 250 .*", "S: 354 .*",
                "C: Subject: after tls", "C: ", "C: ok", "C: .", "S: 250 2\\.0\\.0 .*",
                "C: QUIT", "S: 221 .*"), "injection");
        List<Path> files = servers.remote().awaitMessages("alice@test", 1, Duration.ofSeconds(20));
        assertEquals(1, files.size());
        assertTrue(Files.readString(files.get(0)).contains("Subject: after tls"));
        assertTrue(!Files.readString(files.get(0)).contains("injected"));
    }
}
