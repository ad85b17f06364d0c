package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Python's imaplib as a real client (list, append, search, fetch, move), over STARTTLS and IMAPS. */
class PythonImaplibIT {

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void run(Path dir, String mode, int port, String user) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        Path script = dir.resolve("imaplib_client.py");
        try (InputStream in = PythonImaplibIT.class.getResourceAsStream("/clients/imaplib_client.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder("python3", script.toString(), mode, "127.0.0.1", String.valueOf(port), user,
                "secret").redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "imaplib client did not finish");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.strip().endsWith("OK"), output);
    }

    @Test
    void imaplibOverStartTls(@TempDir Path dir) throws Exception {
        run(dir, "starttls", server.port("imap"), "t3@localhost");
    }

    @Test
    void imaplibOverImaps(@TempDir Path dir) throws Exception {
        run(dir, "ssl", server.port("imaps"), "t4@localhost");
    }
}
