package org.tegami.imap.testing;

import java.io.IOException;
import org.tegami.imap.ImapConfig;
import org.tegami.imap.process.ProcessorTable;
import org.tegami.imap.session.ImapSession;
import org.tegami.testing.InMemoryMailStore;

/** Runs IMAP sessions over in-memory pipes against an {@link InMemoryMailStore}. */
public final class InMemoryImap {

    public final InMemoryMailStore store = new InMemoryMailStore();
    public final FakeServerContext context = new FakeServerContext(store).user("alice@localhost", "secret")
            .user("bob@localhost", "hunter2");
    private final ProcessorTable processors = new ProcessorTable();
    private ImapConfig config = ImapConfig.defaults();
    private int sessions;

    public InMemoryImap config(ImapConfig newConfig) {
        this.config = newConfig;
        return this;
    }

    /** A connected client after the greeting was read. */
    public ImapClient connect(boolean loopback) throws IOException {
        BytePipe toServer = new BytePipe(30_000);
        BytePipe toClient = new BytePipe(10_000);
        FakeConnection connection = new FakeConnection("t" + (++sessions), toServer.input(), toClient.output(), loopback);
        ImapSession session = new ImapSession(connection, context, config, processors);
        Thread thread = new Thread(() -> {
            try {
                session.run();
            } catch (IOException e) {
                // the test ended the connection
            } finally {
                toClient.close();
            }
        }, "imap-test-session");
        thread.setDaemon(true);
        thread.start();
        ImapClient client = new ImapClient(toClient.input(), toServer.output(), () -> {
            toServer.close();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        client.expect("\\* OK \\[CAPABILITY IMAP4rev1 .*\\] .*");
        return client;
    }

    /** A client logged in as alice@localhost. */
    public ImapClient login() throws IOException {
        ImapClient client = connect(true);
        client.ok("L1", "LOGIN alice@localhost secret");
        return client;
    }
}
