package org.tegami.smtp.session;

import java.net.InetAddress;
import java.util.Optional;
import org.tegami.api.Connection;
import org.tegami.api.Envelope;
import org.tegami.api.ServerContext;
import org.tegami.smtp.dnsbl.Listing;
import org.tegami.smtp.spf.SpfVerdict;

/**
 * What commands see of a session and may change: its state, the open transaction, the
 * client's name and identity, facts about the connection, the settings and the server's
 * services. It does no I/O; only {@link SmtpSession} touches the connection. Not thread-safe.
 */
public final class SessionContext {

    private final SmtpConfig config;
    private final ServerContext server;
    private final Connection connection;
    private final ListenerRole role;
    private final InboundChecks checks;
    /** The blocklist lookup of this client, made at the first MAIL; {@code null} before. */
    private Optional<Listing> listing;
    /** The SPF check of the HELO name {@link #heloChecked}, made at the first MAIL after it. */
    private Optional<SpfVerdict> heloSpf;
    private String heloChecked;
    private SmtpState state = SmtpState.CONNECTED;
    private Transaction transaction;
    private String heloName;
    private boolean extended;
    private String authenticatedUser;
    private int badCommands;
    private int junkCommands;
    private int accepted;

    public SessionContext(SmtpConfig config, ServerContext server, Connection connection, ListenerRole role, InboundChecks checks) {
        this.config = config;
        this.server = server;
        this.connection = connection;
        this.role = role;
        this.checks = checks;
    }

    /** The checks of mail from other servers. */
    public InboundChecks checks() {
        return checks;
    }

    /**
     * The SPF check of the HELO identity (RFC 7208 2.3), made once per HELO name: a second EHLO
     * may name another host.
     */
    public Optional<SpfVerdict> heloSpf() {
        if (heloSpf == null || !java.util.Objects.equals(heloChecked, heloName)) {
            heloChecked = heloName;
            heloSpf = checks.checkHelo(this);
        }
        return heloSpf;
    }

    /** The blocklist that lists this client, if any; looked up once per session. */
    public Optional<Listing> blocklisting() {
        if (listing == null) {
            listing = checks.blocklists().lookUp(clientAddress());
            listing.ifPresent(l -> checks.counters().listed(l.zone()));
        }
        return listing;
    }

    public SmtpConfig config() {
        return config;
    }

    public ServerContext server() {
        return server;
    }

    public ListenerRole role() {
        return role;
    }

    public SmtpState state() {
        return state;
    }

    /** Records EHLO or HELO: a new start, any transaction dropped (RFC 5321 4.1.4). */
    public void greet(String name, boolean esmtp) {
        heloName = name;
        extended = esmtp;
        transaction = null;
        state = SmtpState.GREETED;
    }

    public String heloName() {
        return heloName;
    }

    /** Whether the client used EHLO, so that service extensions may be used. */
    public boolean extended() {
        return extended;
    }

    public Transaction transaction() {
        return transaction;
    }

    public void begin(Transaction t) {
        transaction = t;
        state = SmtpState.MAIL;
    }

    /** After RCPT succeeded. */
    public void recipientAdded() {
        state = SmtpState.RCPT;
    }

    /** Ends the transaction (RSET, end of data, failure). */
    public void reset() {
        transaction = null;
        if (state != SmtpState.CONNECTED) {
            state = SmtpState.GREETED;
        }
    }

    /** RFC 3207 4.2: after the handshake the client starts over with EHLO, knowing nothing from before. */
    public void tlsStarted() {
        transaction = null;
        heloName = null;
        extended = false;
        authenticatedUser = null;
        state = SmtpState.CONNECTED;
    }

    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUser);
    }

    public boolean authenticated() {
        return authenticatedUser != null;
    }

    public void authenticated(String user) {
        authenticatedUser = user;
    }

    public boolean secure() {
        return connection.isSecure();
    }

    public boolean canStartTls() {
        return connection.canStartTls();
    }

    /** Whether AUTH may be offered now: over TLS, or on loopback when allowed (DESIGN "Security defaults"). */
    public boolean authAllowed() {
        return connection.isSecure() || config.authOnLoopback() && connection.isLoopback();
    }

    public InetAddress clientAddress() {
        return connection.remoteAddress().getAddress();
    }

    public Optional<Connection.TlsInfo> tlsInfo() {
        return connection.tlsInfo();
    }

    public String sessionId() {
        return connection.id();
    }

    /** @return the count including this one */
    public int badCommand() {
        return ++badCommands;
    }

    public int badCommands() {
        return badCommands;
    }

    /** @return the count including this one */
    public int junkCommand() {
        return ++junkCommands;
    }

    public int junkCommands() {
        return junkCommands;
    }

    /** Counts an accepted message; a client that sends mail is not idling, so the junk count starts over. */
    public void messageAccepted() {
        accepted++;
        junkCommands = 0;
    }

    public int messagesAccepted() {
        return accepted;
    }

    /** Who handed the message over, with the RFC 3848 protocol name. */
    public Envelope.Origin origin() {
        String address = clientAddress() == null ? null : clientAddress().getHostAddress();
        return new Envelope.Origin(withProtocol(), heloName, address, authenticatedUser);
    }

    /** RFC 3848 and RFC 6531 4.3: SMTP, ESMTP[S][A], UTF8SMTP[S][A]. */
    public String withProtocol() {
        if (!extended) {
            return "SMTP";
        }
        boolean utf8 = transaction != null && transaction.smtpUtf8();
        return (utf8 ? "UTF8SMTP" : "ESMTP") + (secure() ? "S" : "") + (authenticated() ? "A" : "");
    }
}
