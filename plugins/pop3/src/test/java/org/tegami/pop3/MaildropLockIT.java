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
import org.tegami.pop3.session.MaildropLocks;
import org.tegami.pop3.testing.Pop3TestServer;
import org.tegami.pop3.testing.StandardMaildrop;

/**
 * [IN-USE] over TCP against the real server: a second POP3 session of the same user is refused,
 * by the same server and by a second server sharing the Maildirs (they agree through the lock
 * file), while delivery goes on; the lock goes with the first session; a dead server's lock
 * file does not keep the user out.
 */
class MaildropLockIT {

    private static final String IN_USE = "-ERR [IN-USE] maildrop already locked by another POP3 session";

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

    @Test
    void secondSessionIsRefusedByBothServersUntilTheFirstQuits() throws Exception {
        try (Pop3TestServer first = Pop3TestServer.withStandardMaildrop()) {
            Path mailDir = first.server().root().resolve("spool/mail");
            Path lockFile = first.server().maildir(StandardMaildrop.USER).resolve(MaildropLocks.LOCK_FILE);
            // a second server process on the same Maildirs, as on a shared filesystem
            try (Pop3TestServer second = Pop3TestServer.start(b -> b.config("mail.dir", mailDir.toString())
                    .config("pop3.mail-dir", mailDir.toString()));
                    Client holder = new Client(first.pop3Port())) {
                assertTrue(holder.login().startsWith("+OK maildrop has 3 messages"));
                assertTrue(Files.exists(lockFile));
                try (Client sameServer = new Client(first.pop3Port());
                        Client otherServer = new Client(second.pop3Port())) {
                    assertEquals(IN_USE, sameServer.login());
                    assertEquals(IN_USE, otherServer.login());
                    second.append(StandardMaildrop.USER, "Subject: meanwhile\r\n\r\nhi\r\n".getBytes());
                    assertEquals("+OK 3 228", holder.send("STAT"), "the snapshot is fixed for the session");
                    assertTrue(holder.send("QUIT").startsWith("+OK"));
                    assertTrue(otherServer.login().startsWith("+OK maildrop has 4 messages"));
                    assertEquals(IN_USE, sameServer.login());
                }
            }
            // the last session ended by the client closing: the server releases at its next read
            for (int wait = 0; wait < 100 && Files.exists(lockFile); wait++) {
                Thread.sleep(20);
            }
            assertTrue(Files.notExists(lockFile), "released when the session ends");
        }
    }

    @Test
    void lockFileOfAServerThatDiedIsBroken() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.withStandardMaildrop()) {
            Path lockFile = server.server().maildir(StandardMaildrop.USER).resolve(MaildropLocks.LOCK_FILE);
            String host = InetAddress.getLocalHost().getHostName();
            Files.writeString(lockFile, (Long.MAX_VALUE / 2) + "@" + host + " left-by-a-killed-server");
            try (Client client = new Client(server.pop3Port())) {
                assertTrue(client.login().startsWith("+OK maildrop has 3 messages"));
            }
        }
    }
}
