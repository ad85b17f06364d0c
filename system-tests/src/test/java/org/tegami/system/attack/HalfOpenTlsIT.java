package org.tegami.system.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Half-open TLS handshakes: on smtps, pop3s and imaps, clients that connect and send nothing,
 * or only the start of a ClientHello, and clients that ask for STARTTLS/STLS and then go
 * quiet, are closed once {@code net.handshake-timeout} (2 s here) passes; meanwhile full TLS
 * clients are served on every implicit-TLS listener.
 */
class HalfOpenTlsIT {

    private static final List<String> IMPLICIT = List.of("smtps", "pop3s", "imaps");
    private static final int EACH = 10;
    /** The first bytes of a TLS 1.2 ClientHello record: type, version, length, handshake type, length. */
    private static final byte[] PARTIAL_HELLO = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8, 0x01, 0x00, 0x00, (byte) 0xc4, 0x03, 0x03};
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(8);

    private static AttackServer server;
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass(Map.of("net.idle-timeout", "30s",
            "pop3.idle-timeout", "30s", "smtp.command-timeout", "30s", "smtp.session-timeout", "30s"),
            started -> server = started);

    @Test
    void halfOpenHandshakesAreClosedAndDoNotBlockOthers() throws Exception {
        List<Wire> halfOpen = new ArrayList<>();
        long started = System.nanoTime();
        try {
            int n = 0;
            for (String listener : IMPLICIT) {
                String source = "127.0.0.8" + (++n);
                for (int i = 0; i < EACH; i++) {
                    halfOpen.add(Wire.open(server.port(listener), source));
                    halfOpen.add(Wire.open(server.port(listener), source).send(PARTIAL_HELLO));
                }
            }
            halfOpen.add(startTlsAndGoQuiet("smtp"));
            halfOpen.add(startTlsAndGoQuiet("pop3"));
            halfOpen.add(startTlsAndGoQuiet("imap"));
            for (String listener : IMPLICIT) {
                long t0 = System.nanoTime();
                try (Wire w = Wire.openTls(server.port(listener), "127.0.0.88")) {
                    String greeting = w.readLine();
                    assertTrue(greeting.matches("(220|\\+OK|\\* OK) .*"), greeting);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms < 2000, "a full TLS client on " + listener + " waited " + ms + " ms");
            }
            for (Wire w : halfOpen) {
                long left = CLOSED_WITHIN.toMillis() - (System.nanoTime() - started) / 1_000_000;
                assertTrue(w.closedWithin(Duration.ofMillis(Math.max(1, left))),
                        "a half-open handshake still open after " + CLOSED_WITHIN);
            }
        } finally {
            halfOpen.forEach(Wire::close);
        }
        server.assertServes("127.0.0.89");
    }

    /** Asks for the upgrade on a plain listener and then sends nothing. */
    private static Wire startTlsAndGoQuiet(String listener) throws IOException {
        Wire w = Wire.open(server.port(listener), "127.0.0.87");
        switch (listener) {
            case "smtp" -> {
                assertTrue(w.smtp().startsWith("220 "));
                assertTrue(w.line("EHLO quiet.example").smtp().startsWith("250 "));
                assertTrue(w.line("STARTTLS").smtp().startsWith("220 "));
            }
            case "pop3" -> {
                assertTrue(w.readLine().startsWith("+OK"));
                assertTrue(w.line("STLS").readLine().startsWith("+OK"));
            }
            default -> {
                assertTrue(w.readLine().startsWith("* OK"));
                assertTrue(w.line("a STARTTLS").imap("a").startsWith("a OK"));
            }
        }
        return w;
    }
}
