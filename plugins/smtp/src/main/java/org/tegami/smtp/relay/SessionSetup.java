package org.tegami.smtp.relay;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.tegami.api.Reply;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * Opens a ready {@link ClientSession}: connect, 220 greeting, EHLO (HELO when EHLO is refused,
 * RFC 5321 3.2), STARTTLS when offered (RFC 3207) and a new EHLO after it, AUTH PLAIN or LOGIN
 * (RFC 4954) only over TLS. Anything that makes the host unusable is a {@link HostFailure}.
 * Thread-safe (no state but configuration).
 */
public final class SessionSetup {

    private static final TaggedLogger LOG = Logger.tag("relay");

    private final RelayConfig config;
    private final ClientTls tls;
    private final String heloName;

    public SessionSetup(RelayConfig config, ClientTls tls, String heloName) {
        this.config = config;
        this.tls = tls;
        this.heloName = heloName;
    }

    /** Opportunistic TLS failed in the handshake: the caller may try the host again in plain text. */
    public static final class TlsFallback extends Exception {
        TlsFallback(String message) {
            super(message);
        }
    }

    /**
     * Opens a session ready for MAIL.
     *
     * @param tryTls false for the plain-text retry after a {@link TlsFallback}
     */
    public ClientSession open(Target target, boolean tryTls) throws HostFailure, TlsFallback {
        ClientSession session;
        try {
            session = ClientSession.connect(target, config.connectTimeout());
        } catch (SocketTimeoutException e) {
            throw HostFailure.unreachable(Reply.of(451, "4.4.1", "connect to " + target.describe() + " timed out"));
        } catch (ConnectException e) {
            throw HostFailure.unreachable(Reply.of(451, "4.4.1", "connect to " + target.describe() + " refused"));
        } catch (IOException e) {
            throw HostFailure.unreachable(Reply.of(451, "4.4.1", "connect to " + target.describe() + " failed: "
                    + e.getMessage()));
        }
        try {
            setUp(session, target, tryTls);
            return session;
        } catch (HostFailure e) {
            if (e.isUnreachable()) {
                session.close();
            } else {
                session.quit();
            }
            throw e;
        } catch (TlsFallback e) {
            session.close();
            throw e;
        } catch (IOException e) {
            session.close();
            throw new HostFailure(Reply.of(451, "4.4.2", "lost " + target.describe() + " before MAIL: " + e.getMessage()));
        }
    }

    private void setUp(ClientSession session, Target target, boolean tryTls) throws IOException, HostFailure, TlsFallback {
        RemoteReply greeting;
        try {
            greeting = session.read(config.greetingTimeout());
        } catch (IOException e) {
            throw HostFailure.unreachable(Reply.of(451, "4.4.2", "no greeting from " + target.describe() + ": "
                    + e.getMessage()));
        }
        if (greeting.code() != 220) {
            if (greeting.isPermanent()) {
                throw new HostFailure(Reply.of(greeting.code(), greeting.enhanced() == null ? "5.0.0" : greeting.enhanced(),
                        "host " + target.hostName() + " refused to talk: " + greeting.text()));
            }
            throw HostFailure.transientFrom("host " + target.hostName() + " greeting", greeting);
        }
        hello(session, target);
        if (tryTls && session.capabilities().has("STARTTLS")) {
            startTls(session, target);
            hello(session, target);
        }
        if (target.requireTls() && !session.isSecure()) {
            throw new HostFailure(Reply.of(451, "4.7.10", "TLS is required but " + target.hostName() + " did not offer STARTTLS"));
        }
        if (target.credential() != null) {
            authenticate(session, target);
        }
    }

    private void hello(ClientSession session, Target target) throws IOException, HostFailure {
        RemoteReply ehlo = session.command("EHLO " + heloName, config.commandTimeout());
        if (ehlo.code() == 250) {
            session.capabilities(Capabilities.fromEhlo(ehlo));
            return;
        }
        if (ehlo.isTransient()) {
            throw HostFailure.transientFrom("EHLO at " + target.hostName(), ehlo);
        }
        RemoteReply helo = session.command("HELO " + heloName, config.commandTimeout());
        if (helo.code() != 250) {
            throw HostFailure.transientFrom("HELO at " + target.hostName(), helo);
        }
        session.capabilities(Capabilities.NONE);
    }

    private void startTls(ClientSession session, Target target) throws IOException, HostFailure, TlsFallback {
        RemoteReply reply = session.command("STARTTLS", config.commandTimeout());
        if (reply.code() != 220) {
            if (target.requireTls()) {
                throw HostFailure.transientFrom("STARTTLS at " + target.hostName(), reply);
            }
            LOG.info("{}: STARTTLS refused ({}), going on in plain text", target.describe(), reply);
            return;
        }
        boolean verify = target.verifyTls();
        Socket plain = session.socket();
        SSLSocket ssl = (SSLSocket) tls.context(verify).getSocketFactory()
                .createSocket(plain, target.hostName(), target.port(), true);
        ssl.setUseClientMode(true);
        if (verify) {
            SSLParameters params = ssl.getSSLParameters();
            // RFC 6125 host name check against the name we looked up (RFC 7817 for SMTP).
            params.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(params);
        }
        try {
            ssl.setSoTimeout(ClientSession.millis(config.commandTimeout()));
            ssl.startHandshake();
        } catch (IOException e) {
            // The connection is unusable after a failed handshake: no QUIT, just close.
            ssl.close();
            if (verify || target.requireTls()) {
                throw new HostFailure(Reply.of(451, "4.7.5", "TLS with " + target.hostName() + " failed: " + e.getMessage()));
            }
            throw new TlsFallback(e.getMessage());
        }
        // RFC 3207 4.2: forget everything learnt before; the new streams drop buffered plain text.
        session.attach(ssl);
        session.markSecure();
        session.capabilities(Capabilities.NONE);
        LOG.debug("{}: TLS {} {}", target.describe(), ssl.getSession().getProtocol(), ssl.getSession().getCipherSuite());
    }

    private void authenticate(ClientSession session, Target target) throws IOException, HostFailure {
        if (!session.isSecure()) {
            throw new HostFailure(Reply.of(451, "4.7.10", "not sending the password to " + target.hostName() + " without TLS"));
        }
        Set<String> mechanisms = session.capabilities().authMechanisms();
        RelayCredentials.Credential c = target.credential();
        RemoteReply reply;
        if (mechanisms.contains("PLAIN")) {
            // RFC 4616: authzid NUL authcid NUL password, sent as the initial response.
            reply = session.command("AUTH PLAIN " + base64("\0" + c.user() + "\0" + c.password()), config.commandTimeout());
        } else if (mechanisms.contains("LOGIN")) {
            reply = session.command("AUTH LOGIN", config.commandTimeout());
            if (reply.code() == 334) {
                reply = session.secretCommand(base64(c.user()), config.commandTimeout());
            }
            if (reply.code() == 334) {
                reply = session.secretCommand(base64(c.password()), config.commandTimeout());
            }
        } else {
            throw new HostFailure(Reply.of(451, "4.7.0", target.hostName() + " offers no AUTH PLAIN or LOGIN"));
        }
        if (reply.code() != 235) {
            // A refused login is an operator's problem, fixed by correcting the credentials: defer.
            throw HostFailure.transientFrom("authentication as " + c.user() + " at " + target.hostName() + " failed", reply);
        }
        LOG.debug("{}: authenticated as {}", target.describe(), c.user());
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
