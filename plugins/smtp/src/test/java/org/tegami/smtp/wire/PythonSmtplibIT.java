package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tegami.smtp.fake.FakeServer;

/** Python's smtplib, another real client, over STARTTLS, implicit TLS and plain MX. */
class PythonSmtplibIT {

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

    @ParameterizedTest
    @CsvSource({"starttls, submission-remote, ESMTPSA", "smtps, smtps, ESMTPSA", "mx, smtp-remote, ESMTP"})
    void sendsAMessage(String mode, String endpoint, String protocol) throws Exception {
        Path script = Path.of(PythonSmtplibIT.class.getResource("/python/send.py").toURI());
        String subject = "python " + mode;
        Process p = new ProcessBuilder("python3", script.toString(), mode, "127.0.0.1",
                Integer.toString(server.port(endpoint)), subject).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python finished");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        FakeServer.Stored stored = server.server.stored.stream()
                .filter(s -> s.content().contains("Subject: " + subject + "\r\n")).findFirst().orElseThrow();
        assertEquals(protocol, stored.envelope().origin().protocol());
        assertEquals("python.test", stored.envelope().origin().heloName());
        assertTrue(stored.content().contains("\r\n.hidden dot\r\n"), stored.content());
    }
}
