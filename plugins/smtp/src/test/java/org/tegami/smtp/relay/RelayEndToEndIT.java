package org.tegami.smtp.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tegami.smtp.SmtpService;
import org.tegami.testing.TestServer;

/**
 * The whole path in one process: a real client submits on the submission port with STARTTLS
 * and AUTH, core spools and routes the message to the {@code smtp} transport, which finds the
 * remote domain's MX in the test DNS and relays to a scripted server on loopback. Also the
 * bounces: a 5xx bounces at once, a 4xx after the maximum queue age, each DSN quoting the
 * remote reply.
 */
class RelayEndToEndIT {

    private RelayTestBed bed;
    private TestServer server;

    @BeforeEach
    void setUp() throws Exception {
        bed = new RelayTestBed();
        bed.dns.mx("remote.test", 10, "mx.remote.test").a("mx.remote.test", "127.0.0.2");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        bed.close();
    }

    private void startServer(String maxAge) throws Exception {
        server = serverBuilder(maxAge).start();
    }

    private TestServer.Builder serverBuilder(String maxAge) {
        return TestServer.builder()
                .extension("smtp", new SmtpService())
                .extension("smtp", new SmtpTransport())
                .config("dns.resolver", bed.dns.address())
                .config("smtp.relay.port", String.valueOf(bed.port))
                .config("smtp.relay.connect-timeout", "3s")
                .config("smtp.relay.command-timeout", "5s")
                .config("queue.retry-min", "300ms")
                .config("queue.retry-max", "300ms")
                .config("queue.max-age", maxAge)
                .user("alice@localhost", "secret");
    }

    /** Sends raw bytes as they are: no saveChanges, so no header is added or rewritten. */
    private void submit(byte[] raw, String... recipients) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(server.port("submission")));
        p.put("mail.smtp.auth", "true");
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.trust", "*");
        p.put("mail.smtp.from", "alice@localhost");
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        Address[] to = Arrays.stream(recipients).map(r -> {
            try {
                return new InternetAddress(r);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(Address[]::new);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("alice@localhost", "secret");
            transport.sendMessage(message, to);
        }
    }

    private static void await(ScriptedSmtpServer sink, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (sink.messages().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, sink.messages().size(), "messages at the remote server");
    }

    @Test
    void submittedMessageReachesTheRemoteServerByteForByte() throws Exception {
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx.remote.test"));
        startServer("5d");
        String raw = "From: Alice <alice@localhost>\r\nTo: Bob <bob@remote.test>\r\nSubject: relay test\r\n"
                + "Message-ID: <e2e-1@localhost>\r\nDate: Fri, 27 Nov 2026 22:00:00 +0000\r\n"
                + "X-Folded: first\r\n second\r\n\r\n"
                + "Hello Bob,\r\n.a line starting with a dot\r\n..two dots\r\n.\r\nend of body\r\n";
        byte[] original = raw.getBytes(StandardCharsets.US_ASCII);

        submit(original, "bob@remote.test");
        await(mx, 1);

        ScriptedSmtpServer.Received received = mx.messages().get(0);
        assertTrue(received.mailFrom().startsWith("MAIL FROM:<alice@localhost>"), received.mailFrom());
        assertTrue(received.rcptTo().get(0).startsWith("RCPT TO:<bob@remote.test>"), received.rcptTo().get(0));
        byte[] content = received.content();
        assertTrue(received.contentText().startsWith("Received: "), "our trace header first");
        byte[] tail = Arrays.copyOfRange(content, content.length - original.length, content.length);
        assertArrayEquals(original, tail, "headers and body as submitted");
        String wire = new String(received.wire(), StandardCharsets.US_ASCII);
        assertTrue(wire.contains("\r\n..a line starting with a dot\r\n...two dots\r\n..\r\nend of body\r\n.\r\n"));
    }

    @Test
    void permanentRejectionBouncesAtOnceQuotingTheRemoteText() throws Exception {
        bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx.remote.test")
                .rcpt("nobody@remote.test", "550 5.1.1 <nobody@remote.test>: Recipient address rejected: unknown"));
        startServer("5d");

        submit("Subject: to nobody\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII), "nobody@remote.test");

        List<Path> bounces = server.awaitMessages("alice@localhost", 1, Duration.ofSeconds(15));
        String dsn = Files.readString(bounces.get(0), StandardCharsets.UTF_8);
        assertTrue(dsn.contains("Recipient address rejected: unknown"), dsn);
        assertTrue(dsn.contains("Status: 5.1.1"), dsn);
    }

    @Test
    void temporaryFailureBouncesAfterTheMaximumQueueAge() throws Exception {
        ScriptedSmtpServer mx = bed.server("127.0.0.2", new ScriptedSmtpServer.Script().name("mx.remote.test")
                .rcpt("busy@remote.test", "452 4.2.2 mailbox full, try later"));
        startServer("2s");

        submit("Subject: to busy\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII), "busy@remote.test");

        List<Path> bounces = server.awaitMessages("alice@localhost", 1, Duration.ofSeconds(20));
        String dsn = Files.readString(bounces.get(0), StandardCharsets.UTF_8);
        assertTrue(dsn.contains("mailbox full, try later"), dsn);
        assertTrue(mx.commands().stream().filter(c -> c.startsWith("RCPT TO:<busy@remote.test>")).count() >= 2,
                "retried before bouncing");
    }
}
