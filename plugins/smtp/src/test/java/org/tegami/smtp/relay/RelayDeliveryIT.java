package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tegami.api.DeliveryResult.Status.DEFERRED;
import static org.tegami.api.DeliveryResult.Status.DELIVERED;
import static org.tegami.api.DeliveryResult.Status.FAILED;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.OutboundMessage;
import org.tegami.api.Recipient;

/** What the receiving server sees and how its replies decide each recipient. */
class RelayDeliveryIT {

    private RelayTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new RelayTestBed();
        bed.dns.mx("example.test", 10, "mx1.example.test").a("mx1.example.test", "127.0.0.2");
    }

    @AfterEach
    void tearDown() throws Exception {
        bed.close();
    }

    private ScriptedSmtpServer mx(ScriptedSmtpServer.Script script) throws Exception {
        return bed.server("127.0.0.2", script.name("mx1.example.test"));
    }

    @Test
    void permanentRejectionFailsWithTheRemoteText() throws Exception {
        mx(new ScriptedSmtpServer.Script().rcpt("bob@example.test", "550 5.1.1 <bob@example.test>: no such user here"));

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message("bob@example.test")).get(0);

        assertEquals(FAILED, r.status());
        assertEquals(550, r.reply().code());
        assertEquals("5.1.1", r.reply().enhanced());
        assertEquals("<bob@example.test>: no such user here", r.reply().text());
        assertEquals("mx1.example.test", r.remoteHost());
    }

    @Test
    void eachRecipientGetsItsOwnResult() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script()
                .rcpt("busy@example.test", "450 4.2.1 mailbox busy, try later")
                .rcpt("gone@example.test", "550 5.1.1 user unknown"));

        List<DeliveryResult> results = bed.transport()
                .deliver(RelayTestBed.message("bob@example.test", "busy@example.test", "gone@example.test"));

        assertEquals(List.of(DELIVERED, DEFERRED, FAILED), results.stream().map(DeliveryResult::status).toList());
        assertEquals("mailbox busy, try later", results.get(1).reply().text());
        assertEquals("user unknown", results.get(2).reply().text());
        assertEquals(250, results.get(0).reply().code());
        assertEquals(List.of("RCPT TO:<bob@example.test>"), mx.messages().get(0).rcptTo());
    }

    @Test
    void rejectedSenderFailsEveryRecipient() throws Exception {
        mx(new ScriptedSmtpServer.Script().mailReply("553 5.7.1 sender rejected"));

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@example.test", "carol@example.test"));

        assertTrue(results.stream().allMatch(r -> r.status() == FAILED && r.reply().text().equals("sender rejected")));
    }

    @Test
    void temporaryRefusalAfterDataDefers() throws Exception {
        mx(new ScriptedSmtpServer.Script().doneReply("451 4.3.0 queue full"));

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message("bob@example.test")).get(0);

        assertEquals(DEFERRED, r.status());
        assertEquals("queue full", r.reply().text());
    }

    @Test
    void headersAndBodyArriveByteForByte() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script());
        byte[] content = trickyContent();

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message(content, null, false,
                Map.of("BODY", "8BITMIME"), "bob@example.test")).get(0);

        assertEquals(DELIVERED, r.status());
        ScriptedSmtpServer.Received received = mx.messages().get(0);
        assertArrayEquals(content, received.content());
        String wire = new String(received.wire(), StandardCharsets.ISO_8859_1);
        assertTrue(wire.contains("\r\n..leading dot\r\n"));
        assertTrue(wire.contains("\r\n..\r\n"));
        assertTrue(wire.contains("\r\n...\r\n"));
        assertTrue(wire.endsWith("\r\n.\r\n"));
        assertTrue(received.mailFrom().contains("BODY=8BITMIME"));
    }

    /** Headers, dots at line starts (also at buffer edges), 8-bit bytes, long lines. */
    static byte[] trickyContent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "Received: from a.test by b.test; Fri, 27 Nov 2026 10:00:00 +0000\r\n"
                + "From: Alice <alice@origin.test>\r\nTo: bob@example.test\r\nSubject: =?UTF-8?Q?gr=C3=BC=C3=9Fe?=\r\n"
                + "X-Folded: one\r\n\ttwo\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(".leading dot\r\n.\r\n..\r\nend.\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("Grüße, ünïcödé\r\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 5000; i++) {
            out.writeBytes(((i % 7 == 0 ? "." : "") + "line " + i + " " + "x".repeat(i % 90) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("x".repeat(3000).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("\r\n.\r\nlast line\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void serverThatStopsReadingDataIsGivenUp() throws Exception {
        mx(new ScriptedSmtpServer.Script().extensions("PIPELINING", "8BITMIME").stallInData());
        SmtpTransport transport = bed.transport(bed.config().dataBlockTimeout(Duration.ofMillis(300)));
        byte[] big = new byte[32 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');

        long start = System.nanoTime();
        DeliveryResult r = transport.deliver(RelayTestBed.message(big, null, false, Map.of(), "bob@example.test")).get(0);

        assertEquals(DEFERRED, r.status());
        assertEquals("4.4.2", r.reply().enhanced());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
    }

    @Test
    void oneConnectionCarriesTwoMessages() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script());
        SmtpTransport transport = bed.transport();

        assertEquals(DELIVERED, transport.deliver(RelayTestBed.message("bob@example.test")).get(0).status());
        assertEquals(DELIVERED, transport.deliver(RelayTestBed.message("carol@example.test")).get(0).status());

        assertEquals(1, mx.connections());
        assertEquals(2, mx.messages().size());
        assertEquals(1, transport.pool().reusedCount());
        assertTrue(mx.commands().contains("RSET"));
    }

    @Test
    void idleConnectionIsClosedWithQuit() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script());
        SmtpTransport transport = bed.transport(bed.config().idleTime(Duration.ofMillis(200)));

        transport.deliver(RelayTestBed.message("bob@example.test"));
        assertEquals(1, transport.pool().idleCount());
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (transport.pool().idleCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, transport.pool().idleCount());
        Thread.sleep(100);
        assertTrue(mx.commands().contains("QUIT"));
    }

    @Test
    void aClosedCachedConnectionIsReplaced() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script());
        SmtpTransport transport = bed.transport();
        transport.deliver(RelayTestBed.message("bob@example.test"));
        mx.dropConnections();

        DeliveryResult r = transport.deliver(RelayTestBed.message("carol@example.test")).get(0);

        assertEquals(DELIVERED, r.status());
        assertEquals(2, mx.messages().size());
        assertEquals(2, mx.connections());
    }

    @Test
    void concurrentDeliveriesShareTheCache() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script());
        SmtpTransport transport = bed.transport();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<DeliveryResult>>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String rcpt = "user" + i + "@example.test";
                futures.add(pool.submit(() -> transport.deliver(RelayTestBed.message(rcpt))));
            }
            for (Future<List<DeliveryResult>> f : futures) {
                assertEquals(DELIVERED, f.get().get(0).status());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(40, mx.messages().size());
        assertTrue(mx.connections() <= 4 + 1, "connections: " + mx.connections());
    }

    @Test
    void heloIsUsedWhenEhloIsRefused() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script().ehloUnknown());

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message("bob@example.test")).get(0);

        assertEquals(DELIVERED, r.status());
        assertEquals(List.of("EHLO relay.test", "HELO relay.test", "MAIL FROM:<alice@origin.test>"), mx.commands().subList(0, 3));
    }

    @Test
    void serverWithoutPipeliningGetsOneCommandAtATime() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script().extensions("8BITMIME"));

        List<DeliveryResult> results = bed.transport().deliver(RelayTestBed.message("bob@example.test", "carol@example.test"));

        assertTrue(results.stream().allMatch(r -> r.status() == DELIVERED));
        assertEquals(2, mx.messages().get(0).rcptTo().size());
    }

    @Test
    void manyRecipientsAreSplitIntoSeveralTransactions() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script());
        SmtpTransport transport = bed.transport(bed.config().maxRecipients(2));

        List<DeliveryResult> results = transport.deliver(RelayTestBed.message(
                "a@example.test", "b@example.test", "c@example.test", "d@example.test", "e@example.test"));

        assertTrue(results.stream().allMatch(r -> r.status() == DELIVERED));
        assertEquals(3, mx.messages().size());
        assertEquals(1, mx.connections());
    }

    @Test
    void internationalMessageFailsWhereSmtpUtf8IsMissing() throws Exception {
        mx(new ScriptedSmtpServer.Script().extensions("PIPELINING", "8BITMIME"));

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message("jürgen@example.test")).get(0);

        assertEquals(FAILED, r.status());
        assertEquals("5.6.7", r.reply().enhanced());
    }

    @Test
    void internationalMessageGoesWhereSmtpUtf8IsOffered() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script());

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message(RelayTestBed.CONTENT.getBytes(StandardCharsets.UTF_8),
                null, false, Map.of("SMTPUTF8", ""), "jürgen@example.test")).get(0);

        assertEquals(DELIVERED, r.status());
        assertTrue(mx.messages().get(0).mailFrom().endsWith(" SMTPUTF8"));
        assertEquals(List.of("RCPT TO:<jürgen@example.test>"), mx.messages().get(0).rcptTo());
    }

    @Test
    void messageOverTheServerSizeLimitFails() throws Exception {
        mx(new ScriptedSmtpServer.Script().extensions("PIPELINING", "SIZE 100"));

        DeliveryResult r = bed.transport().deliver(RelayTestBed.message(new byte[500], null, false, Map.of(),
                "bob@example.test")).get(0);

        assertEquals(FAILED, r.status());
        assertEquals(552, r.reply().code());
        assertEquals("5.3.4", r.reply().enhanced());
    }

    @Test
    void dsnParametersArePassedOnWhenOffered() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script());
        OutboundMessage m = dsnMessage();

        bed.transport().deliver(m);

        ScriptedSmtpServer.Received received = mx.messages().get(0);
        assertEquals("MAIL FROM:<alice@origin.test> SIZE=" + m.size() + " RET=HDRS ENVID=QQ314159", received.mailFrom());
        assertEquals(List.of("RCPT TO:<bob@example.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@example.test"),
                received.rcptTo());
    }

    @Test
    void dsnParametersAreLeftOutWhenNotOffered() throws Exception {
        ScriptedSmtpServer mx = mx(new ScriptedSmtpServer.Script().extensions("PIPELINING"));

        bed.transport().deliver(dsnMessage());

        ScriptedSmtpServer.Received received = mx.messages().get(0);
        assertEquals("MAIL FROM:<alice@origin.test>", received.mailFrom());
        assertEquals(List.of("RCPT TO:<bob@example.test>"), received.rcptTo());
        assertFalse(received.mailFrom().contains("RET="));
    }

    private static OutboundMessage dsnMessage() {
        MailAddress bob = MailAddress.parse("bob@example.test");
        Envelope envelope = new Envelope(MailAddress.parse("alice@origin.test"),
                List.of(new Recipient(bob, "SUCCESS,FAILURE", "rfc822;bob@example.test")),
                Map.of("RET", "HDRS", "ENVID", "QQ314159"), null);
        byte[] content = RelayTestBed.CONTENT.getBytes(StandardCharsets.UTF_8);
        return new OutboundMessage("Q1", envelope, List.of(bob), null, false,
                () -> new java.io.ByteArrayInputStream(content), content.length);
    }
}
