package org.tegami.smtp.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SMTP smuggling (CVE-2023-51764 and kin): an end-of-data sequence other than CRLF.CRLF that an
 * upstream server forwards as content must neither end our DATA nor let the commands after it
 * run; the message carrying it is refused as a whole.
 */
class SmtpSmugglingIT {

    private static final AtomicInteger LEGIT = new AtomicInteger();
    private static WireServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new WireServers();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\n.\\n", "\\n.\\r\\n", "\\r\\n.\\n", "\\r.\\r\\n", "\\r\\n.\\r", "\\r.\\r", "\\n.\\r"})
    void aFalseEndOfDataSmugglesNothing(String end) throws Exception {
        new TranscriptRunner(servers::port).run(List.of(
                "L: smtp", "S: 220 .*", "C: EHLO upstream.example", "M: 250 .*",
                "C: MAIL FROM:<a@upstream.example>", "S: 250 .*", "C: RCPT TO:<alice@test>", "S: 250 .*",
                "C: DATA", "S: 354 .*",
                "R: From: a@upstream.example\\r\\nSubject: real\\r\\n\\r\\nhello" + end
                        + "MAIL FROM:<admin@test>\\r\\nRCPT TO:<bob@test>\\r\\nDATA\\r\\nFrom: admin@test\\r\\n"
                        + "Subject: smuggled\\r\\n\\r\\nforged\\r\\n.\\r\\n",
                "S: 550 5\\.6\\.0 Message refused: bare (LF|CR) .*",
                "C: RSET", "S: 250 2\\.0\\.0 Ok",
                "C: MAIL FROM:<a@upstream.example>", "C: RCPT TO:<alice@test>", "C: RCPT TO:<bob@test>", "C: DATA",
                "S: 250 .*", "S: 250 .*", "S: 250 .*", "S: 354 .*", "C: Subject: legit", "C: ", "C: fine", "C: .",
                "S: 250 2\\.0\\.0 Ok: queued as \\S+", "C: QUIT", "S: 221 .*", "E:"), "smuggling " + end);
        int sent = LEGIT.incrementAndGet();
        for (String user : new String[] {"alice@test", "bob@test"}) {
            List<Path> files = servers.local().awaitMessages(user, sent, Duration.ofSeconds(20));
            assertEquals(sent, files.size(), "only the legitimate messages reached " + user);
            for (Path f : files) {
                String text = Files.readString(f);
                assertTrue(!text.contains("forged") && !text.contains("Subject: real"), text);
            }
        }
    }
}
