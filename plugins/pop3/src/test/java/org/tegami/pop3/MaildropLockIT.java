package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tegami.pop3.session.MaildropLocks;
import org.tegami.pop3.session.Pop3Settings;
import org.tegami.pop3.testing.FakeFolder;
import org.tegami.pop3.testing.FakeServer;
import org.tegami.pop3.testing.SocketHost;
import org.tegami.pop3.testing.StandardMaildrop;

/**
 * [IN-USE] over TCP: a second POP3 session of the same user is refused, by the same server and
 * by a second server sharing the Maildirs (two services, each with its own process lock, agree
 * through the lock file), while delivery goes on; the lock goes with the first session.
 */
class MaildropLockIT {

    @TempDir
    Path mailDir;

    /** A tiny line client. */
    private static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final OutputStream out;

        Client(int port) throws Exception {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            assertTrue(in.readLine().startsWith("+OK"));
        }

        String send(String line) throws Exception {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return in.readLine();
        }

        String login() throws Exception {
            send("USER " + StandardMaildrop.USER);
            return send("PASS " + StandardMaildrop.PASSWORD);
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private SocketHost start(FakeServer server) throws Exception {
        Pop3Settings d = Pop3Settings.defaults();
        Pop3Service service = new Pop3Service(new Pop3Settings(false, d.maxLineLength(), d.maxBadCommands(),
                d.maxAuthFailures(), d.idleTimeout(), d.lockStaleAfter(), mailDir));
        service.start(server);
        return new SocketHost(service);
    }

    @Test
    void secondSessionIsRefusedByBothServersUntilTheFirstQuits() throws Exception {
        Path userDir = Files.createDirectories(mailDir.resolve("localhost/alice/cur")).getParent();
        FakeServer server = new FakeServer();
        FakeFolder inbox = StandardMaildrop.install(server);
        try (SocketHost first = start(server); SocketHost second = start(server);
                Client holder = new Client(first.plainPort())) {
            assertTrue(holder.login().startsWith("+OK maildrop has 3 messages"));
            assertTrue(Files.exists(userDir.resolve(MaildropLocks.LOCK_FILE)));
            try (Client sameServer = new Client(first.plainPort());
                    Client otherServer = new Client(second.plainPort())) {
                assertEquals("-ERR [IN-USE] maildrop already locked by another POP3 session", sameServer.login());
                assertEquals("-ERR [IN-USE] maildrop already locked by another POP3 session", otherServer.login());
                inbox.add("Subject: delivered meanwhile\r\n\r\nhi\r\n");
                assertEquals("+OK 3 228", holder.send("STAT"), "the snapshot is fixed for the session");
                assertTrue(holder.send("QUIT").startsWith("+OK"));
                assertTrue(otherServer.login().startsWith("+OK maildrop has 4 messages"));
                assertEquals("-ERR [IN-USE] maildrop already locked by another POP3 session", sameServer.login());
            }
        }
        // the last session ended by the client closing: the server releases at its next read
        for (int wait = 0; wait < 100 && Files.exists(userDir.resolve(MaildropLocks.LOCK_FILE)); wait++) {
            Thread.sleep(20);
        }
        assertTrue(Files.notExists(userDir.resolve(MaildropLocks.LOCK_FILE)), "released when the session ends");
    }

    @Test
    void droppedConnectionReleasesTheLockAndDeletesNothing() throws Exception {
        FakeServer server = new FakeServer();
        FakeFolder inbox = StandardMaildrop.install(server);
        try (SocketHost host = start(server)) {
            try (Client dropped = new Client(host.plainPort())) {
                dropped.login();
                assertTrue(dropped.send("DELE 1").startsWith("+OK"));
            }
            // the server notices the close at its next read; a new login succeeds soon after
            String reply = "";
            for (int attempt = 0; attempt < 50 && !reply.startsWith("+OK"); attempt++) {
                try (Client next = new Client(host.plainPort())) {
                    reply = next.login();
                    if (reply.startsWith("+OK")) {
                        assertEquals("+OK 3 228", next.send("STAT"));
                    }
                }
                Thread.sleep(20);
            }
            assertTrue(reply.startsWith("+OK maildrop has 3 messages"), reply);
            assertEquals(3, inbox.messages().size());
        }
    }
}
