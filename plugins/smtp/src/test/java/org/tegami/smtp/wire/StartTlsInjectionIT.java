package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STARTTLS command injection (CVE-2011-0411): commands a man in the middle appends in clear
 * text after STARTTLS must not be run inside the encrypted session.
 */
class StartTlsInjectionIT {

    @TempDir
    static Path dir;

    private static WireServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new WireServer(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void plaintextAfterStartTlsIsDropped() throws Exception {
        int before = server.server.stored.size();
        new TranscriptRunner(server::port).run(List.of(
                "L: smtp-remote", "S: 220 .*", "C: EHLO c", "M: 250 STARTTLS",
                "R: STARTTLS\\r\\nEHLO evil\\r\\nMAIL FROM:<evil@x.example>\\r\\nRCPT TO:<alice@test>\\r\\nDATA\\r\\ninjected\\r\\n.\\r\\n",
                "S: 220 2\\.0\\.0 Ready to start TLS", "T:",
                "C: RCPT TO:<alice@test>", "S: 503 5\\.5\\.1 Send EHLO or HELO first",
                "C: EHLO c", "M: 250 AUTH PLAIN LOGIN", "C: RCPT TO:<alice@test>", "S: 503 5\\.5\\.1 Send MAIL first",
                "C: QUIT", "S: 221 .*"), "injection");
        assertEquals(before, server.server.stored.size());
    }
}
