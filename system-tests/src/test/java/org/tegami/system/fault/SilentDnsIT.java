package org.tegami.system.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DNS server that never answers ({@code dns.resolver} on a silent UDP port): a message for a
 * remote domain waits {@code smtp.relay.dns-timeout} for its MX lookup and is deferred with the
 * reason in {@code tegami queue}, not bounced, while local mail is delivered meanwhile.
 */
class SilentDnsIT {

    private static final int TIMEOUT_SECONDS = 12;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void dnsThatNeverAnswersDefersRemoteMailWithReasonWhileLocalMailFlows(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir)
            throws Exception {
        try (SilentDns dns = new SilentDns();
                FaultServer server = new FaultServer(dir, Map.of("dns.resolver", "127.0.0.1:" + dns.port(),
                        "smtp.relay.dns-timeout", TIMEOUT_SECONDS + "s", "queue.retry-min", "10m", "queue.retry-max", "1h"))) {
            server.start();
            server.dropIncoming("remote", "u9@localhost", "someone@remote.test", "to a domain dns cannot find");
            assertTrue(FaultServer.await(WAIT, () -> dns.queries() > 0),
                    () -> "the relay never asked the configured DNS server:\n" + server.problems());
            long asked = System.nanoTime();

            try (SmtpProbe smtp = server.smtp()) {
                String local = SmtpProbe.message("sender@example.org", "u1@localhost", "local while dns is silent", 500);
                String reply = smtp.send("sender@example.org", "u1@localhost", local);
                assertTrue(reply.startsWith("250"), reply);
            }
            assertTrue(FaultServer.await(WAIT, () -> server.delivered("local while dns is silent")), server::problems);
            assertFalse(server.listing().contains("4.4.3"), "local mail had to wait for the DNS timeout");

            assertTrue(FaultServer.await(Duration.ofSeconds(TIMEOUT_SECONDS).plus(WAIT),
                    () -> server.listing().contains("4.4.3")),
                    () -> "deferral expected:\n" + server.listing() + "\n" + server.problems());
            long waitedMillis = (System.nanoTime() - asked) / 1_000_000;
            String listing = server.queue();
            System.out.println("SilentDnsIT: deferred " + waitedMillis + " ms after the first query (" + dns.queries()
                    + " queries); tegami queue:\n" + listing);
            assertTrue(waitedMillis >= TIMEOUT_SECONDS * 1000L - 2000, "deferred before the DNS timeout: " + waitedMillis + " ms");
            assertTrue(listing.contains("deferred  <someone@remote.test>") && listing.contains(
                    "451 4.4.3 DNS lookup of remote.test failed: no answer from the DNS server within " + TIMEOUT_SECONDS + " s"),
                    listing);
            assertFalse(listing.contains("failed  "), listing);
            assertEquals(Map.of("local while dns is silent", 1), server.subjectCounts(), "no bounce to the sender");
        }
    }
}
