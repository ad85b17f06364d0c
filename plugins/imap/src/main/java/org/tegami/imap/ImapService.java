package org.tegami.imap;

import java.io.IOException;
import java.util.List;
import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.Connection;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.imap.process.ProcessorTable;
import org.tegami.imap.session.ImapSession;

/**
 * The IMAP protocol handler: {@code imap} (127.0.0.1:1143, STARTTLS) and {@code imaps}
 * (127.0.0.1:1993, implicit TLS, RFC 8314). One {@link ImapSession} per connection; the
 * processor table is shared. Thread-safe after {@link #start}.
 */
@Extension
public class ImapService implements ProtocolHandler {

    private final ProcessorTable processors = new ProcessorTable();
    private volatile ImapConfig config = ImapConfig.defaults();
    private volatile ServerContext context;

    @Override
    public List<ListenerSpec> listeners() {
        return List.of(new ListenerSpec("imap", "127.0.0.1:1143", false),
                new ListenerSpec("imaps", "127.0.0.1:1993", true));
    }

    @Override
    public void configure(Settings settings) throws ConfigException {
        config = ImapConfig.from(settings);
    }

    @Override
    public void start(ServerContext serverContext) {
        this.context = serverContext;
    }

    /** Ends the threads that push IDLE updates. */
    @Override
    public void stop() {
        processors.close();
    }

    /**
     * What a client turned away by a connection limit reads instead of the greeting: a BYE
     * greeting (RFC 3501 7.1.5) with RFC 5530's UNAVAILABLE tells it the server is closing the
     * connection for now, where a silent close would look like a network failure.
     */
    @Override
    public String busyReply() {
        return "* BYE [UNAVAILABLE] Too many connections, try again later";
    }

    @Override
    public void serve(Connection connection) throws IOException {
        ServerContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("IMAP service not started");
        }
        new ImapSession(connection, ctx, config, processors).run();
    }
}
