package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMTP smuggling (CVE-2023-51764 and kin): an end-of-data sequence other than CRLF.CRLF that an
 * upstream server forwards as content must neither end our DATA nor let the commands after it
 * run; the message carrying it is refused as a whole.
 */
class SmtpSmugglingIT {

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
    @ValueSource(strings = {"\\n.\\n", "\\n.\\r\\n", "\\r\\n.\\n", "\\r.\\r\\n", "\\r\\n.\\r", "\\r.\\r", "\\n.\\r"})
    void aFalseEndOfDataSmugglesNothing(String end) throws Exception {
        int before = server.server.stored.size();
        new TranscriptRunner(server::port).run(List.of(
                "L: smtp-remote", "S: 220 .*", "C: EHLO upstream.example", "M: 250 .*",
                "C: MAIL FROM:<a@upstream.example>", "S: 250 .*", "C: RCPT TO:<alice@test>", "S: 250 .*",
                "C: DATA", "S: 354 .*",
                "R: From: a@upstream.example\\r\\nSubject: real\\r\\n\\r\\nhello" + end
                        + "MAIL FROM:<admin@test>\\r\\nRCPT TO:<bob@test>\\r\\nDATA\\r\\nFrom: admin@test\\r\\n"
                        + "Subject: smuggled\\r\\n\\r\\nforged\\r\\n.\\r\\n",
                "S: 550 5\\.6\\.0 Message refused: bare (LF|CR) .*",
                "C: RSET", "S: 250 2\\.0\\.0 Ok", "C: QUIT", "S: 221 .*", "E:"), "smuggling " + end);
        assertEquals(before, server.server.stored.size(), "neither the real nor the smuggled message was queued");
    }
}
