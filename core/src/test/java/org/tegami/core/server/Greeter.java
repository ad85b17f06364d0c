package org.tegami.core.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tegami.api.ConfigException;
import org.tegami.api.Connection;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;

/**
 * A protocol for the reload tests: sends {@code 220 <greeting>} from its settings, then the local
 * domains it sees on the next line, and waits for the client to close. Counts lifecycle calls across instances.
 */
public final class Greeter implements ProtocolHandler {

    static final AtomicInteger STARTED = new AtomicInteger();
    static final AtomicInteger STOPPED = new AtomicInteger();
    static final AtomicInteger REFRESHED = new AtomicInteger();

    private String greeting;
    private ServerContext context;

    @Override
    public void configure(Settings settings) throws ConfigException {
        greeting = settings.string("greeting", "hello");
        if (greeting.isBlank()) {
            throw new ConfigException("greeter.greeting: must not be empty");
        }
    }

    @Override
    public void start(ServerContext serverContext) {
        if (greeting.equals("broken-start")) {
            throw new IllegalStateException("start broken on purpose");
        }
        this.context = serverContext;
        STARTED.incrementAndGet();
    }

    @Override
    public void refresh() {
        REFRESHED.incrementAndGet();
    }

    @Override
    public void stop() {
        STOPPED.incrementAndGet();
    }

    @Override
    public List<ListenerSpec> listeners() {
        return List.of(new ListenerSpec("hello", "127.0.0.1:0", false));
    }

    @Override
    public void serve(Connection connection) throws IOException {
        String text = "220 " + greeting + "\r\n" + String.join(",", new java.util.TreeSet<>(context.localDomains())) + "\r\n";
        connection.output().write(text.getBytes(StandardCharsets.US_ASCII));
        connection.output().flush();
        // Holds the connection until the client closes it, for the connection limit tests.
        while (connection.input().read() >= 0) {
            continue;
        }
    }
}
