package org.tegami.imap.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tegami.imap.testing.ImapClient;
import org.tegami.testing.SelfSignedTlsProvider;
import org.tegami.testing.TestServer;

/**
 * A stopping server ends IMAP sessions idle between commands, and in IDLE, at once with
 * {@code * BYE [UNAVAILABLE] Server shutting down}, over plain, STARTTLS and implicit TLS 1.3 (a
 * TLS 1.2 session is closed at once without it); an APPEND whose literal is under way finishes
 * first. The grace time is 20 s, so a quick stop
 * can only come from the notice.
 */
class ShutdownNoticeIT {

    private static final String BYE = "* BYE [UNAVAILABLE] Server shutting down";

    private ImapServers server;

    @BeforeEach
    void start() throws Exception {
        server = ImapServers.start(TestServer.builder().config("shutdown.grace", "20s"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long timedStop() {
        long started = System.nanoTime();
        server.testServer().tegami().close();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void idleSessionsGetByeAtOnceAndTheStopIsQuick() throws Exception {
        try (ImapClient greeted = server.connect();
                ImapClient selected = server.connect();
                ImapClient idling = server.connect();
                ImapClient startTls = startTls();
                ImapClient imaps = imaps();
                ImapClient imapsTls12 = imaps("TLSv1.2")) {
            selected.ok("a", "LOGIN alice@localhost secret");
            selected.ok("b", "SELECT INBOX");
            idling.ok("a", "LOGIN bob@localhost secret");
            idling.ok("b", "SELECT INBOX");
            idling.send("c IDLE");
            idling.expect("\\+ idling");
            startTls.ok("b", "LOGIN t1@localhost secret");
            imaps.ok("a", "LOGIN t2@localhost secret");
            imaps.ok("b", "SELECT INBOX");
            imapsTls12.ok("a", "LOGIN t4@localhost secret");
            // Let the sessions go back to their waits: the TLS 1.2 one, stopped before that,
            // would still send the BYE at its next wait.
            Thread.sleep(300);

            long took = timedStop();

            for (ImapClient client : List.of(greeted, selected, idling, startTls, imaps)) {
                assertEquals(BYE, client.readLine());
                assertClosed(client);
            }
            assertClosed(imapsTls12); // TLS 1.2 cannot send a notice once woken: closed without one
            assertTrue(took < 3_000, "stop took " + took + " ms");
        }
    }

    @Test
    void anAppendUnderWayFinishesThenTheSessionGetsBye() throws Exception {
        String message = "Subject: across the stop\r\n\r\nhello\r\n";
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        try (ImapClient client = server.connect()) {
            client.ok("a", "LOGIN alice@localhost secret");
            client.send("b APPEND INBOX {" + bytes.length + "}");
            client.expect("\\+ .*");
            client.sendRaw(message.substring(0, 10));

            CompletableFuture<Long> stopping = CompletableFuture.supplyAsync(this::timedStop);
            Thread.sleep(300);
            assertFalse(stopping.isDone(), "the stop waits for the APPEND");

            client.sendRaw(message.substring(10) + "\r\n");
            client.expect("b OK .*APPEND.*");
            assertEquals(BYE, client.readLine());
            assertClosed(client);
            long took = stopping.get(10, TimeUnit.SECONDS);
            assertTrue(took < 5_000, "stop took " + took + " ms");
        }
        List<java.nio.file.Path> inbox = server.testServer().messages("alice@localhost");
        assertEquals(1, inbox.size());
        assertTrue(Files.readString(inbox.get(0)).contains("across the stop"));
    }

    /** Angus Mail in IDLE (over implicit TLS) learns of the stop from the BYE: its folder is closed. */
    @Test
    void angusInIdleSeesTheFolderClosed() throws Exception {
        Properties props = new Properties();
        props.put("mail.imaps.host", "127.0.0.1");
        props.put("mail.imaps.port", String.valueOf(server.port("imaps")));
        props.put("mail.imaps.ssl.trust", "*");
        props.put("mail.imaps.timeout", "10000");
        Store store = Session.getInstance(props).getStore("imaps");
        store.connect("t3@localhost", "secret");
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            CompletableFuture<Void> idle = CompletableFuture.runAsync(() -> {
                try {
                    inbox.idle();
                } catch (jakarta.mail.MessagingException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(500);
            long took = timedStop();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> idle.get(5, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof FolderClosedException, e.getCause().toString());
            assertTrue(e.getCause().getMessage().contains("Server shutting down"), e.getCause().getMessage());
            assertFalse(inbox.isOpen());
            assertTrue(took < 3_000, "stop took " + took + " ms");
        } finally {
            store.close();
        }
    }

    private ImapClient startTls() throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", server.port("imap")), 5000);
        plain.setSoTimeout(10_000);
        ImapClient before = new ImapClient(plain.getInputStream(), plain.getOutputStream(), plain::close);
        before.expect("\\* OK .*");
        before.ok("a", "STARTTLS");
        SSLSocket tls = (SSLSocket) SelfSignedTlsProvider.trustingClientContext().getSocketFactory()
                .createSocket(plain, "localhost", server.port("imap"), true);
        tls.startHandshake();
        return new ImapClient(tls.getInputStream(), tls.getOutputStream(), tls::close);
    }

    /** An implicit TLS client offering only {@code protocols}, or the JDK's defaults. */
    private ImapClient imaps(String... protocols) throws Exception {
        SSLSocket tls = (SSLSocket) SelfSignedTlsProvider.trustingClientContext().getSocketFactory()
                .createSocket("127.0.0.1", server.port("imaps"));
        if (protocols.length > 0) {
            tls.setEnabledProtocols(protocols);
        }
        tls.setSoTimeout(10_000);
        ImapClient client = new ImapClient(tls.getInputStream(), tls.getOutputStream(), tls::close);
        client.expect("\\* OK .*");
        return client;
    }

    private static void assertClosed(ImapClient client) {
        IOException e = assertThrows(IOException.class, client::rawLine, "nothing after the BYE");
        assertFalse(e instanceof java.net.SocketTimeoutException, "closed, not silent: " + e);
    }
}
