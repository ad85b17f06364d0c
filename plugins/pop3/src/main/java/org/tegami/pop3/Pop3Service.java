package org.tegami.pop3;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.Connection;
import org.tegami.api.ListenerSpec;
import org.tegami.api.ProtocolHandler;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.pop3.command.CommandTable;
import org.tegami.pop3.session.MaildropLocks;
import org.tegami.pop3.session.Pop3Session;
import org.tegami.pop3.session.Pop3Settings;
import org.tinylog.Logger;

/**
 * The POP3 protocol handler: listeners {@code pop3} (default 127.0.0.1:1110, STLS) and
 * {@code pop3s} (default 127.0.0.1:1995, implicit TLS), one {@link Pop3Session} per
 * connection. Settings are the {@code pop3.*} keys ({@link Pop3Settings}). Thread-safe after
 * {@link #start}: sessions share only the command table and the maildrop locks.
 */
@Extension
public class Pop3Service implements ProtocolHandler {

    private final CommandTable commands = new CommandTable();
    private Pop3Settings settings = Pop3Settings.defaults();
    private volatile ServerContext context;
    private volatile MaildropLocks locks;

    /** Created by PF4J (or by a host embedding it); {@link #configure} then {@link #start} follow. */
    public Pop3Service() {
    }

    @Override
    public List<ListenerSpec> listeners() {
        return List.of(new ListenerSpec("pop3", "127.0.0.1:1110", false),
                new ListenerSpec("pop3s", "127.0.0.1:1995", true));
    }

    @Override
    public void configure(Settings pluginSettings) throws ConfigException {
        settings = Pop3Settings.from(pluginSettings);
    }

    @Override
    public void start(ServerContext serverContext) {
        Path mailDir = settings.mailDir();
        if (!mailDir.isAbsolute()) {
            // relative paths live beside conf/, like the core's own (Settings#path)
            Path root = serverContext.configDirectory().toAbsolutePath().getParent();
            mailDir = root == null ? mailDir.toAbsolutePath() : root.resolve(mailDir);
        }
        this.locks = new MaildropLocks(mailDir, settings.lockStaleAfter(), machineName(serverContext),
                Clock.systemUTC());
        this.context = serverContext;
        Logger.tag("pop3").info("POP3 ready, maildrop locks under {}", mailDir);
    }

    /**
     * What a client turned away by a connection limit reads instead of the greeting: a
     * negative greeting with the temporary-failure code (RFC 2449 8, RFC 3206 4), so that it
     * retries later rather than reporting a broken server.
     */
    @Override
    public String busyReply() {
        return "-ERR [SYS/TEMP] Too many connections, try again later";
    }

    @Override
    public void serve(Connection connection) throws IOException {
        if (context == null) {
            throw new IllegalStateException("POP3 service not started");
        }
        new Pop3Session(connection, context, settings, locks, commands).run();
    }

    /** The name of this machine for lock files: the configured hostname may be shared by several. */
    private static String machineName(ServerContext serverContext) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return serverContext.hostname();
        }
    }
}
