package org.tegami.pop3.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.tegami.api.FolderView;
import org.tegami.api.MessageInfo;
import org.tegami.api.ServerContext;
import org.tegami.api.TegamiExtension;
import org.tegami.pop3.Pop3Service;
import org.tegami.testing.TestServer;

/**
 * The real server (core's {@link TestServer}: listeners, TLS, authenticator, Maildir store)
 * with the POP3 service, and a way to put messages into a user's INBOX through the mailbox API
 * exactly as given, so downloads can be compared byte for byte.
 */
public final class Pop3TestServer implements AutoCloseable {

    private final TestServer server;
    private final ContextProbe probe;

    private Pop3TestServer(TestServer server, ContextProbe probe) {
        this.server = server;
        this.probe = probe;
    }

    /** Takes the server's services when started, like any extension. */
    private static final class ContextProbe implements TegamiExtension {
        volatile ServerContext context;

        @Override
        public void start(ServerContext serverContext) {
            this.context = serverContext;
        }
    }

    /** A server with the standard maildrop's user and the given extra builder steps. */
    public static Pop3TestServer start(UnaryOperator<TestServer.Builder> customize) throws Exception {
        ContextProbe probe = new ContextProbe();
        TestServer.Builder builder = TestServer.builder()
                .extension("pop3", new Pop3Service())
                .extension("probe", probe)
                .user(StandardMaildrop.USER, StandardMaildrop.PASSWORD)
                // transcripts fail logins on purpose; the lockout has its own tests in core
                .config("auth.max-failures", "1000");
        return new Pop3TestServer(customize.apply(builder).start(), probe);
    }

    /** A server whose INBOX holds the standard maildrop. */
    public static Pop3TestServer withStandardMaildrop() throws Exception {
        Pop3TestServer server = start(UnaryOperator.identity());
        for (String message : StandardMaildrop.MESSAGES) {
            server.append(StandardMaildrop.USER, message.getBytes(StandardCharsets.UTF_8));
        }
        return server;
    }

    public TestServer server() {
        return server;
    }

    public ServerContext context() {
        return probe.context;
    }

    public int pop3Port() {
        return server.port("pop3");
    }

    public int pop3sPort() {
        return server.port("pop3s");
    }

    /** Adds a message to a user's INBOX as it is. */
    public long append(String user, byte[] message) throws IOException {
        return append(user, new ByteArrayInputStream(message));
    }

    public long append(String user, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return append(user, in);
        }
    }

    private long append(String user, InputStream content) throws IOException {
        try (FolderView inbox = context().mailStore().mailbox(user).open("INBOX", false)) {
            return inbox.append(content, Set.of(), Set.of(), null);
        }
    }

    /** The INBOX as the store sees it now. */
    public List<MessageInfo> inbox(String user) throws IOException {
        try (FolderView inbox = context().mailStore().mailbox(user).open("INBOX", true)) {
            inbox.refresh();
            return inbox.messages();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
