package org.tegami.smtp.relay;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.pf4j.Extension;
import org.tegami.api.ConfigException;
import org.tegami.api.DeliveryResult;
import org.tegami.api.MailAddress;
import org.tegami.api.OutboundMessage;
import org.tegami.api.Reply;
import org.tegami.api.ServerContext;
import org.tegami.api.Settings;
import org.tegami.api.Transport;
import org.tegami.smtp.dkim.OutboundSigner;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The {@code smtp} transport: relays messages over SMTP to each recipient domain's MX hosts,
 * or to the smarthost a route names ({@link org.tegami.api.RouteDecision.Relay#nextHop()},
 * {@code host[:port]} with MX lookup or {@code [host]:port} without, as in Postfix).
 * Settings: {@link RelayConfig}. Thread-safe: the spool's workers call {@link #deliver} at once,
 * sharing the DNS cache and the {@link SessionPool}.
 *
 * <p>The DNS server is the core's {@code dns.resolver} ({@link ServerContext#dnsResolver()}) unless
 * {@code smtp.relay.dns-resolver} names another; the EHLO name is {@code smtp.relay.helo-name} or
 * the server's {@code hostname}.
 *
 * <p>For embedding and tests: {@code new SmtpTransport(RelayConfig.builder()...build())}, then
 * {@code start(null)} (the EHLO name is then {@code relay.helo-name} or {@code localhost}).
 *
 * <p>Relayed mail is DKIM-signed (RFC 6376) with the key of its From domain from the keys
 * folder {@code smtp.dkim.keys} (default {@code conf/dkim}, see {@link OutboundSigner}), read when
 * configured (so {@code tegami check-config} checks the keys too) and again on {@link #refresh()}
 * ({@code tegami reload}).
 */
@Extension
public class SmtpTransport implements Transport {

    private static final TaggedLogger LOG = Logger.tag("relay");

    private static final Path DEFAULT_DKIM_KEYS = Path.of("conf/dkim");

    private RelayConfig config;
    private Path dkimKeys;
    private volatile OutboundSigner signer;
    private volatile SessionPool pool;
    private volatile HopDelivery delivery;
    private volatile ScheduledExecutorService timer;

    /** For PF4J: settings come through {@link #configure}. */
    public SmtpTransport() {
        this(RelayConfig.defaults());
    }

    /** A transport that does not sign. */
    public SmtpTransport(RelayConfig config) {
        this(config, null);
    }

    /**
     * @param dkimKeys the DKIM keys folder; {@code null} to sign nothing
     */
    public SmtpTransport(RelayConfig config, Path dkimKeys) {
        this.config = config;
        this.dkimKeys = dkimKeys;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void configure(Settings settings) throws ConfigException {
        config = RelayConfig.read(settings);
        dkimKeys = settings.path("dkim.keys", DEFAULT_DKIM_KEYS);
        // Read here, so that 'tegami check-config' finds a bad key file too.
        signer = loadedSigner(dkimKeys);
    }

    private static OutboundSigner loadedSigner(Path keys) throws ConfigException {
        OutboundSigner s = new OutboundSigner(keys, Clock.systemUTC());
        s.load();
        return s;
    }

    /**
     * Builds the resolver, TLS contexts and connection pool.
     *
     * @param context the server, for its hostname; {@code null} in tests
     */
    @Override
    public void start(ServerContext context) throws Exception {
        String helo = !config.heloName().isEmpty() ? config.heloName() : context != null ? context.hostname() : "localhost";
        // The core key dns.resolver, unless smtp.relay.dns-resolver overrides it for the relay.
        String dns = !config.dnsResolver().isEmpty() ? config.dnsResolver()
                : context != null ? context.dnsResolver().orElse("") : "";
        MxResolver newResolver = new MxResolver(dns, config.dnsTimeout(), config.inetProtocols());
        ClientTls tls;
        try {
            tls = ClientTls.create(config.trustStore());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(config.trustStore(), 0, "smtp.relay.tls-trust-store: cannot load: " + e.getMessage());
        }
        if (signer == null && dkimKeys != null) {
            signer = loadedSigner(dkimKeys);
        }
        SessionSetup setup = new SessionSetup(config, tls, helo);
        ScheduledExecutorService newTimer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "relay-timer");
            t.setDaemon(true);
            return t;
        });
        SessionPool newPool = new SessionPool(config, setup, newTimer);
        delivery = new HopDelivery(config, newResolver, newPool, new MessageTransaction(config, newTimer),
                context != null ? context.hostname() : helo);
        pool = newPool;
        timer = newTimer;
        LOG.debug("relay started: EHLO {}, resolver {}", helo, dns.isEmpty() ? "system" : dns);
    }

    /** Re-reads the DKIM keys folder, so a new key file counts without a restart. */
    @Override
    public void refresh() {
        OutboundSigner s = signer;
        if (s != null) {
            s.reload();
        }
    }

    @Override
    public void stop() {
        SessionPool p = pool;
        if (p != null) {
            p.close();
        }
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
    }

    /** The connection cache, for statistics. */
    public SessionPool pool() {
        return pool;
    }

    @Override
    public List<DeliveryResult> deliver(OutboundMessage unsigned) {
        HopDelivery d = delivery;
        if (d == null) {
            throw new IllegalStateException("smtp transport not started");
        }
        // Signed once per attempt, before the recipients are split by next hop.
        OutboundSigner s = signer;
        OutboundMessage message;
        try {
            message = s == null ? unsigned : s.sign(unsigned);
        } catch (IOException e) {
            LOG.error("{}: cannot read the message from the spool to sign it: {}", unsigned.queueId(), e.getMessage());
            return HopDelivery.all(unsigned.recipients(), DeliveryResult.Status.DEFERRED,
                    Reply.of(451, "4.3.0", "local error reading the message"), null);
        }
        Map<MailAddress, DeliveryResult> results = new LinkedHashMap<>();
        if (message.nextHop() != null) {
            NextHop hop;
            try {
                hop = NextHop.parse(message.nextHop(), 25);
            } catch (IllegalArgumentException e) {
                LOG.error("{}: bad next hop '{}': {}", message.queueId(), message.nextHop(), e.getMessage());
                return HopDelivery.all(message.recipients(), DeliveryResult.Status.DEFERRED,
                        Reply.of(451, "4.3.5", "bad next hop in the routing configuration"), null);
            }
            put(results, d.deliver(message, hop, message.recipients(), true));
        } else {
            Map<String, List<MailAddress>> byDomain = new LinkedHashMap<>();
            for (MailAddress r : message.recipients()) {
                byDomain.computeIfAbsent(r.domain(), k -> new ArrayList<>()).add(r);
            }
            byDomain.forEach((domain, rcpts) -> put(results, d.deliver(message, hopFor(domain), rcpts, false)));
        }
        return message.recipients().stream().map(results::get).toList();
    }

    /** The MX route of a domain; an address literal ({@code bob@[192.0.2.1]}) is used as it is (RFC 5321 5.1). */
    private NextHop hopFor(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) {
            return NextHop.parse(domain + ":" + config.port(), config.port());
        }
        return NextHop.domain(domain, config.port());
    }

    private static void put(Map<MailAddress, DeliveryResult> results, List<DeliveryResult> found) {
        found.forEach(r -> results.putIfAbsent(r.recipient(), r));
    }
}
