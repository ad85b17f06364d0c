package org.tegami.imap.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tegami.imap.ImapService;
import org.tegami.imap.testing.ImapClient;
import org.tegami.testing.TestServer;

/**
 * Core with the IMAP plugin ({@link TestServer}: real listeners with STARTTLS and implicit TLS,
 * Maildirs, users, authentication) on 127.0.0.1 port 0, in a temporary installation. Users
 * alice, bob and t1..t60 (one per transcript) have the password {@code secret}.
 */
final class ImapServers implements AutoCloseable {

    private static int files;

    private final TestServer server;

    private ImapServers(TestServer server) {
        this.server = server;
    }

    static ImapServers start() throws Exception {
        return start(TestServer.builder());
    }

    /** With extra settings already on the builder (connection limits ...). */
    static ImapServers start(TestServer.Builder builder) throws Exception {
        builder.extension("imap", new ImapService())
                .user("alice@localhost", "secret").user("bob@localhost", "secret");
        for (int i = 1; i <= 60; i++) {
            builder.user("t" + i + "@localhost", "secret");
        }
        return new ImapServers(builder.start());
    }

    /** The server underneath, e.g. to stop it without removing its files. */
    TestServer testServer() {
        return server;
    }

    int port(String listener) {
        return server.port(listener);
    }

    /** A plain connection to the {@code imap} listener, greeting read. */
    ImapClient connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port("imap")), 5000);
        socket.setSoTimeout(10_000);
        ImapClient client = new ImapClient(socket.getInputStream(), socket.getOutputStream(), socket::close);
        client.expect("\\* OK \\[CAPABILITY IMAP4rev1 .*\\] .*");
        return client;
    }

    /**
     * Drops a message into a user's INBOX {@code new/} as another program would (tmp, then
     * rename). The user must have logged in once, so that the Maildir exists.
     */
    void dropIntoNew(String user, String message) throws IOException {
        dropIntoNew(user, message.getBytes(StandardCharsets.UTF_8));
    }

    /** Drops raw bytes into a user's INBOX {@code new/}. */
    void dropIntoNew(String user, byte[] message) throws IOException {
        Path maildir = server.maildir(user);
        if (!Files.isDirectory(maildir.resolve("new"))) {
            throw new IllegalStateException("log in as " + user + " first");
        }
        Path tmp = maildir.resolve("tmp").resolve("drop" + (++files) + ".test");
        Files.write(tmp, message);
        Path target = maildir.resolve("new").resolve(System.currentTimeMillis() / 1000 + ".P"
                + ProcessHandle.current().pid() + "Q" + files + ".test");
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        server.close();
    }
}
