package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tegami.smtp.SmtpService;
import org.tegami.testing.TestServer;

/** The smtp.* settings as an operator writes them in tegami.conf. */
class SmtpSettingsIT {

    @Test
    void settingsTakeEffect() throws Exception {
        try (TestServer server = TestServer.builder().extension("smtp", new SmtpService())
                .config("smtp.max-size", "2k").config("smtp.max-recipients", "1").config("smtp.vrfy", "true")
                .user("alice@localhost", "x").start()) {
            new TranscriptRunner(server::port).run(List.of("L: smtp", "S: 220 .*", "C: EHLO c", "M: 250 .*",
                    "C: MAIL FROM:<a@b.example> SIZE=2049", "S: 552 5\\.3\\.4 .*",
                    "C: MAIL FROM:<a@b.example> SIZE=2048", "S: 250 .*",
                    "C: RCPT TO:<alice@localhost>", "S: 250 .*", "C: RCPT TO:<alice@localhost>", "S: 452 4\\.5\\.3 .*",
                    "C: VRFY alice@localhost", "S: 250 2\\.1\\.5 <alice@localhost>"), "settings");
        }
    }

    @Test
    void aBadValueStopsTheStart() {
        Exception tooShort = assertThrows(Exception.class, () -> TestServer.builder().extension("smtp", new SmtpService())
                .config("smtp.max-line-length", "100").start().close());
        assertTrue(tooShort.getMessage().contains("smtp.max-line-length"), tooShort.getMessage());
        Exception notASize = assertThrows(Exception.class, () -> TestServer.builder().extension("smtp", new SmtpService())
                .config("smtp.max-size", "lots").start().close());
        assertTrue(notASize.getMessage().contains("smtp.max-size"), notASize.getMessage());
    }
}
