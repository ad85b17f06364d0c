package org.tegami.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.api.DeliveryResult;
import org.tegami.api.MailAddress;

/** Pipe and mbox targets (aliases(5) {@code |command} and {@code /path}). */
class LocalProgramDeliveryTest {

    @TempDir
    Path dir;

    static final MailAddress SENDER = MailAddress.parse("a@example.com");
    static final MailAddress RCPT = MailAddress.parse("b@localhost");

    private Path message() throws Exception {
        Path m = dir.resolve("msg");
        Files.writeString(m, "Subject: hi\r\n\r\nFrom me\r\n>From you\r\nend\r\n", StandardCharsets.US_ASCII);
        return m;
    }

    private DeliveryResult pipe(String command, Duration limit) throws Exception {
        return new PipeDelivery(dir, limit).deliver("Q1", SENDER, RCPT, command, message());
    }

    @Test
    void pipeGetsTheMessageWithLfLineEndsAndItsExitCodeDecides() throws Exception {
        Path out = dir.resolve("out");
        DeliveryResult ok = pipe("cat > '" + out + "'; echo \"$SENDER $RECIPIENT\" >> '" + out + "'", Duration.ofSeconds(10));

        assertEquals(DeliveryResult.Status.DELIVERED, ok.status());
        assertEquals("Subject: hi\n\nFrom me\n>From you\nend\na@example.com b@localhost\n", Files.readString(out));
        assertEquals(DeliveryResult.Status.DEFERRED, pipe("exit 75", Duration.ofSeconds(10)).status());
        DeliveryResult failed = pipe("echo 'no such list'; exit 3", Duration.ofSeconds(10));
        assertEquals(DeliveryResult.Status.FAILED, failed.status());
        assertEquals("554 5.3.0 command exited 3: no such list", failed.reply().toString());
    }

    @Test
    void aCommandOverItsTimeLimitIsKilledAndDeferred() throws Exception {
        long start = System.nanoTime();
        DeliveryResult r = pipe("sleep 30", Duration.ofMillis(300));

        assertEquals(DeliveryResult.Status.DEFERRED, r.status());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @Test
    void mboxAppendQuotesFromLinesAndSeparatesMessages() throws Exception {
        Path mbox = dir.resolve("mbox");
        MboxDelivery d = new MboxDelivery();
        Instant when = Instant.parse("2026-11-07T09:05:03Z");

        assertEquals(DeliveryResult.Status.DELIVERED, d.deliver(SENDER, RCPT, mbox, message(), when).status());
        assertEquals(DeliveryResult.Status.DELIVERED, d.deliver(MailAddress.NULL_SENDER, RCPT, mbox, message(), when).status());

        String one = "Subject: hi\n\n>From me\n>>From you\nend\n\n";
        assertEquals("From a@example.com Sat Nov  7 09:05:03 2026\n" + one
                + "From MAILER-DAEMON Sat Nov  7 09:05:03 2026\n" + one, Files.readString(mbox));
    }

    @Test
    void mboxInAMissingFolderIsDeferred() throws Exception {
        DeliveryResult r = new MboxDelivery().deliver(SENDER, RCPT, dir.resolve("no/such/mbox"), message(), Instant.now());
        assertEquals(DeliveryResult.Status.DEFERRED, r.status());
    }
}
