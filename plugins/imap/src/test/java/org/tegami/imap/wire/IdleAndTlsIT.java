package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.testing.SelfSignedTlsProvider;

/** IDLE with deliveries by another program, and STARTTLS / IMAPS over core's network layer. */
class IdleAndTlsIT {

    private static ImapServers server;

    @BeforeAll
    static void start() throws Exception {
        server = ImapServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void idleSeesAMessageDroppedIntoNewWithinASecond() throws Exception {
        try (ImapClient c = server.connect()) {
            c.ok("a", "LOGIN bob@localhost secret");
            c.ok("b", "SELECT INBOX");
            c.send("c IDLE");
            c.expect("\\+ idling");
            long start = System.nanoTime();
            server.dropIntoNew("bob@localhost", "Subject: dropped\r\n\r\nhello\r\n");
            c.expect("\\* 1 EXISTS");
            c.expect("\\* 1 RECENT");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1000, "EXISTS after " + millis + " ms");
            c.send("DONE");
            c.expect("c OK IDLE terminated");
            List<String> fetch = c.ok("d", "FETCH 1 (FLAGS BODY[HEADER.FIELDS (SUBJECT)])");
            assertEquals("* 1 FETCH (FLAGS (\\Seen \\Recent) BODY[HEADER.FIELDS (SUBJECT)] {20}\r\nSubject: dropped\r\n\r\n)",
                    fetch.get(0));
        }
    }

    @Test
    void startTlsDiscardsInjectedCommandsAndHidesStartTlsAfterwards() throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", server.port("imap")), 5000);
        plain.setSoTimeout(10_000);
        ImapClient before = new ImapClient(plain.getInputStream(), plain.getOutputStream(), plain::close);
        before.expect("\\* OK \\[CAPABILITY IMAP4rev1 IMAP4rev2 STARTTLS .*");
        before.sendRaw("a STARTTLS\r\nb LOGOUT\r\n");
        before.expect("a OK Begin TLS negotiation now");
        SSLSocket tls = (SSLSocket) SelfSignedTlsProvider.trustingClientContext().getSocketFactory()
                .createSocket(plain, "localhost", server.port("imap"), true);
        tls.startHandshake();
        try (ImapClient after = new ImapClient(tls.getInputStream(), tls.getOutputStream(), tls::close)) {
            List<String> caps = after.ok("c", "CAPABILITY");
            assertFalse(caps.get(0).contains("STARTTLS"), caps.get(0));
            assertTrue(caps.get(0).contains("AUTH=PLAIN"), caps.get(0));
            after.ok("d", "LOGIN alice@localhost secret");
            assertTrue(after.command("e", "STARTTLS").get(0).startsWith("e BAD"));
        }
    }

    @Test
    void implicitTlsListenerServesImaps() throws Exception {
        SSLSocket tls = (SSLSocket) SelfSignedTlsProvider.trustingClientContext().getSocketFactory()
                .createSocket("127.0.0.1", server.port("imaps"));
        tls.setSoTimeout(10_000);
        try (ImapClient c = new ImapClient(tls.getInputStream(), tls.getOutputStream(), tls::close)) {
            String greeting = c.readLine();
            assertTrue(greeting.startsWith("* OK [CAPABILITY IMAP4rev1 IMAP4rev2 AUTH=PLAIN"), greeting);
            c.ok("a", "AUTHENTICATE PLAIN AGFsaWNlQGxvY2FsaG9zdABzZWNyZXQ=");
            assertTrue(c.ok("b", "LIST \"\" INBOX").get(0).contains("\"INBOX\""));
        }
    }
}
