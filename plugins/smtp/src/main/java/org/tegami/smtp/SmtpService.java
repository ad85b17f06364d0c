package org.tegami.smtp;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.Connection;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.smtp.command.CommandTable;
import org.tegami.smtp.dns.DnsClient;
import org.tegami.smtp.session.InboundChecks;
import org.tegami.smtp.session.InboundCounters;
import org.tegami.smtp.session.InboundSettings;
import org.tegami.smtp.session.ListenerRole;
import org.tegami.smtp.session.SmtpConfig;
import org.tegami.smtp.session.SmtpSession;
import org.tegami.smtp.spf.SpfGate;
import org.tinylog.ThreadContext;

/**
 * The SMTP server: listeners {@code smtp} (MX, default {@code 127.0.0.1:2525}),
 * {@code submission} ({@code 127.0.0.1:2587}, STARTTLS and AUTH before MAIL) and {@code smtps}
 * ({@code 127.0.0.1:2465}, implicit TLS). Settings: see {@link SmtpConfig} and {@link InboundSettings}. Thread-safe: each
 * {@link #serve} call runs its own session.
 */
@Extension
public class SmtpService implements ProtocolHandler {

    private SmtpConfig config = SmtpConfig.defaults();
    private InboundSettings inbound = InboundSettings.defaults();
    private volatile InboundChecks checks = InboundChecks.NONE;
    private final Map<ListenerRole, CommandTable> tables = new EnumMap<>(ListenerRole.class);
    private volatile ServerContext server;

    public SmtpService() {
        for (ListenerRole role : ListenerRole.values()) {
            tables.put(role, CommandTable.forRole(role));
        }
    }

    /** A service with these settings, for embedding and tests; {@link #start} still follows. */
    public SmtpService(SmtpConfig config) {
        this();
        this.config = config;
    }

    @Override
    public void configure(Settings settings) throws ConfigException {
        config = SmtpConfig.read(settings);
        inbound = InboundSettings.read(settings);
    }

    /** Takes the server; SPF and blocklist checks ask the core's {@code dns.resolver} (the system's by default). */
    @Override
    public void start(ServerContext context) throws UnknownHostException {
        this.checks = InboundChecks.of(inbound, new DnsClient(context.dnsResolver().orElse(""), SpfGate.QUERY_TIMEOUT),
                new InboundCounters(context.metrics()));
        this.server = context;
    }

    @Override
    public List<ListenerSpec> listeners() {
        return List.of(
                new ListenerSpec(ListenerRole.MX.listenerName(), "127.0.0.1:2525", false),
                new ListenerSpec(ListenerRole.SUBMISSION.listenerName(), "127.0.0.1:2587", false),
                new ListenerSpec(ListenerRole.SUBMISSIONS.listenerName(), "127.0.0.1:2465", true));
    }

    /** What a client turned away by a connection limit reads (RFC 5321 3.8). */
    @Override
    public String busyReply() {
        ServerContext context = server;
        return "421 4.7.0 " + (context == null ? "" : context.hostname() + " ") + "Too many connections, try again later";
    }

    @Override
    public void serve(Connection connection) throws IOException {
        ServerContext context = server;
        if (context == null) {
            throw new IllegalStateException("SMTP service not started");
        }
        ThreadContext.put("session", connection.id());
        try {
            CommandTable table = tables.get(ListenerRole.of(connection.listenerName()));
            new SmtpSession(config, context, connection, table, checks).run();
        } finally {
            ThreadContext.remove("session");
        }
    }
}
