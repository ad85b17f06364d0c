package org.tegami.core.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;

class EntryCodecTest {

    private static final Path FILE = Path.of("queue/X");

    @Test
    void roundTripsEveryFieldAndTargetKind() throws Exception {
        Recipient r1 = new Recipient(MailAddress.parse("alice@localhost"), "SUCCESS,FAILURE", "rfc822;alice@localhost");
        Recipient r2 = new Recipient(new MailAddress("odd\tlocal%part", "example.org"), null, null);
        Envelope env = new Envelope(MailAddress.parse("bob@example.com"), List.of(r1, r2),
                Map.of("BODY", "8BITMIME", "SMTPUTF8", "", "ENVID", "-"),
                new Envelope.Origin("ESMTPSA", "client.example", "192.0.2.1", "bob"));
        QueueEntry e = QueueEntry.accepted("4F2A19C3AB", env, Instant.parse("2026-11-27T10:00:00Z"));
        List<Target> targets = List.of(
                new Target(MailAddress.parse("alice@localhost"), new RouteDecision.Deliver("alice@localhost", "Archive/2026"),
                        DeliveryState.DELIVERED, "250 2.0.0 ok"),
                new Target(MailAddress.parse("x@remote.example"), new RouteDecision.Relay("smtp", "mx.example:25", true),
                        DeliveryState.DEFERRED, "451 4.4.1 no answer\nfrom host"),
                new Target(MailAddress.parse("p@localhost"), new RouteDecision.Pipe("cat > /tmp/x\t|y"), DeliveryState.PENDING, null),
                new Target(MailAddress.parse("f@localhost"), new RouteDecision.AppendToFile(Path.of("/var/mail/f")),
                        DeliveryState.PENDING, null),
                new Target(MailAddress.parse("d@localhost"), new RouteDecision.Discard("-"), DeliveryState.DELIVERED, null),
                new Target(MailAddress.parse("r@localhost"), new RouteDecision.Reject(Reply.of(550, "5.1.1", "no such user")),
                        DeliveryState.FAILED, "550 5.1.1 no such user"));
        e = e.withRecipient(0, r -> r.withTargets(targets).withState(DeliveryState.DEFERRED, 3, "451 4.4.1 later",
                Instant.parse("2026-11-27T11:00:00Z")));

        QueueEntry back = EntryCodec.parse(EntryCodec.format(e), FILE);

        assertEquals(e, back);
        assertEquals(env, back.envelope());
    }

    @Test
    void roundTripsTheMessageSizeAndReadsFilesWithoutIt() throws Exception {
        Envelope env = new Envelope(MailAddress.parse("a@example.com"), List.of(Recipient.of(MailAddress.parse("b@localhost"))),
                Map.of(), null);
        QueueEntry sized = QueueEntry.accepted("ABCDEF0123", env, Instant.EPOCH, 4711);
        String text = EntryCodec.format(sized);
        assertTrue(text.contains("\nsize\t4711\n"), text);
        assertEquals(sized, EntryCodec.parse(text, FILE));
        assertEquals(-1, EntryCodec.parse(text.replace("size\t4711\n", ""), FILE).size());
        assertThrows(CorruptEntryException.class, () -> EntryCodec.parse(text.replace("4711", "-3"), FILE));
        assertThrows(CorruptEntryException.class, () -> EntryCodec.parse(text.replace("4711", "many"), FILE));
    }

    @Test
    void keepsTheNullSender() throws Exception {
        Envelope env = new Envelope(MailAddress.NULL_SENDER, List.of(Recipient.of(MailAddress.parse("a@b.example"))),
                Map.of(), null);
        QueueEntry e = QueueEntry.accepted("ABCDEF0123", env, Instant.EPOCH);
        assertTrue(EntryCodec.parse(EntryCodec.format(e), FILE).sender().isNullSender());
    }

    @Test
    void refusesOtherVersionsAndDamage() {
        assertThrows(CorruptEntryException.class, () -> EntryCodec.parse("tegami-queue\t2\n", FILE));
        assertThrows(CorruptEntryException.class, () -> EntryCodec.parse("garbage", FILE));
        String truncated = "tegami-queue\t1\nid\tABCDEF0123\nsender\ta@b\narrival\t2026-11-27T10:00:00Z\n";
        assertThrows(CorruptEntryException.class, () -> EntryCodec.parse(truncated, FILE));
        String badState = truncated + "rcpt\tx@y\t-\t-\tMAYBE\t0\t-\t-\t0\n";
        CorruptEntryException e = assertThrows(CorruptEntryException.class, () -> EntryCodec.parse(badState, FILE));
        assertTrue(e.getMessage().startsWith(FILE + ":5:"), e.getMessage());
    }
}
