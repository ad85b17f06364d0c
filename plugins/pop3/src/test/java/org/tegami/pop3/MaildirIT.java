package org.tegami.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tegami.api.MessageInfo;
import org.tegami.pop3.session.MaildropLocks;
import org.tegami.pop3.testing.Pop3TestServer;
import org.tegami.pop3.testing.StandardMaildrop;

/**
 * What a POP3 session does to the user's Maildir on disk, through the real store: UIDL is the
 * file's base name, RETR moves new/ to cur/ with the S flag, DELE removes files only at QUIT,
 * the lock file lives in the Maildir while a session holds it.
 */
class MaildirIT {

    private Pop3TestServer server;
    private Path maildir;

    @BeforeEach
    void start() throws Exception {
        server = Pop3TestServer.withStandardMaildrop();
        maildir = server.server().maildir(StandardMaildrop.USER);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A line client that reads multi-line answers when asked. */
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
            send("USER " + StandardMaildrop.USER);
            assertTrue(send("PASS " + StandardMaildrop.PASSWORD).startsWith("+OK"));
        }

        String send(String line) throws Exception {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return in.readLine();
        }

        List<String> multiLine(String line) throws Exception {
            assertTrue(send(line).startsWith("+OK"));
            List<String> lines = new ArrayList<>();
            for (String l = in.readLine(); !l.equals("."); l = in.readLine()) {
                lines.add(l);
            }
            return lines;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    private Set<String> baseNames(String sub) throws Exception {
        try (var files = Files.list(maildir.resolve(sub))) {
            return files.map(p -> p.getFileName().toString().split(":2,")[0]).collect(Collectors.toSet());
        }
    }

    @Test
    void uidlIsTheMaildirBaseNameImapSeesToo() throws Exception {
        List<String> ids;
        try (Client client = new Client(server.pop3Port())) {
            ids = client.multiLine("UIDL").stream().map(l -> l.split(" ")[1]).toList();
            client.send("QUIT");
        }
        List<MessageInfo> inbox = server.inbox(StandardMaildrop.USER);
        assertEquals(inbox.stream().map(MessageInfo::key).toList(), ids);
        Set<String> onDisk = baseNames("new");
        onDisk.addAll(baseNames("cur"));
        assertEquals(Set.copyOf(ids), onDisk);
        try (Client again = new Client(server.pop3Port())) {
            assertEquals(ids, again.multiLine("UIDL").stream().map(l -> l.split(" ")[1]).toList(), "stable");
        }
    }

    @Test
    void retrMovesTheMessageToCurAsSeen() throws Exception {
        String key = server.inbox(StandardMaildrop.USER).get(1).key();
        try (Client client = new Client(server.pop3Port())) {
            client.multiLine("RETR 2");
            client.multiLine("TOP 3 0");
            client.send("QUIT");
        }
        try (var cur = Files.list(maildir.resolve("cur"))) {
            List<String> names = cur.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith(key + ":2,") && n.endsWith("S")), names.toString());
            assertEquals(1, names.stream().filter(n -> n.matches(".*:2,[A-Z]*S[A-Z]*")).count(), names.toString());
        }
        assertFalse(baseNames("new").contains(key));
    }

    @Test
    void deleRemovesFilesOnlyAtQuit() throws Exception {
        List<MessageInfo> before = server.inbox(StandardMaildrop.USER);
        try (Client client = new Client(server.pop3Port())) {
            assertTrue(client.send("DELE 1").startsWith("+OK"));
            assertTrue(client.send("DELE 3").startsWith("+OK"));
            assertTrue(Files.exists(maildir.resolve(MaildropLocks.LOCK_FILE)), "locked while in TRANSACTION");
            assertEquals(3, server.server().messages(StandardMaildrop.USER).size(), "nothing deleted before QUIT");
            assertEquals("+OK POP3 server signing off (2 messages deleted)", client.send("QUIT"));
        }
        assertEquals(List.of(before.get(1).key()),
                server.inbox(StandardMaildrop.USER).stream().map(MessageInfo::key).toList());
        assertEquals(1, server.server().messages(StandardMaildrop.USER).size());
        assertFalse(Files.exists(maildir.resolve(MaildropLocks.LOCK_FILE)));
    }

    @Test
    void droppedConnectionDeletesNothing() throws Exception {
        try (Client client = new Client(server.pop3Port())) {
            assertTrue(client.send("DELE 1").startsWith("+OK"));
            assertTrue(client.send("DELE 2").startsWith("+OK"));
        }
        for (int wait = 0; wait < 100 && Files.exists(maildir.resolve(MaildropLocks.LOCK_FILE)); wait++) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(maildir.resolve(MaildropLocks.LOCK_FILE)), "the lock goes with the session");
        assertEquals(3, server.server().messages(StandardMaildrop.USER).size());
        try (Client next = new Client(server.pop3Port())) {
            assertEquals("+OK 3 228", next.send("STAT"));
        }
    }

    @Test
    void messagesDeliveredDuringASessionWaitForTheNext() throws Exception {
        try (Client client = new Client(server.pop3Port())) {
            server.append(StandardMaildrop.USER, "Subject: late\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("+OK 3 228", client.send("STAT"));
            client.send("QUIT");
        }
        try (Client next = new Client(server.pop3Port())) {
            assertEquals("+OK 4 252", next.send("STAT"));
        }
    }
}
