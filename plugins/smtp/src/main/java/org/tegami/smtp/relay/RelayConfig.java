package org.tegami.smtp.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.tegami.api.ConfigException;
import org.tegami.api.Settings;

/**
 * The outbound relay's settings, keys {@code smtp.relay.*}, with their defaults. Timeouts
 * follow RFC 5321 4.5.3.2.
 *
 * @param port {@code relay.port}: the port of MX hosts (25)
 * @param connectTimeout {@code relay.connect-timeout}: TCP connect, per address (30s)
 * @param greetingTimeout {@code relay.greeting-timeout}: the 220 greeting (4.5.3.2.1: 5m)
 * @param commandTimeout {@code relay.command-timeout}: EHLO, STARTTLS, AUTH, MAIL, RCPT, RSET
 *     (4.5.3.2.2, 4.5.3.2.3: 5m)
 * @param dataTimeout {@code relay.data-timeout}: the 354 after DATA (4.5.3.2.4: 2m)
 * @param dataBlockTimeout {@code relay.data-block-timeout}: each block of message data written
 *     (4.5.3.2.5: 3m)
 * @param dataDoneTimeout {@code relay.data-done-timeout}: the reply after the final dot
 *     (4.5.3.2.6: 10m)
 * @param dnsResolver {@code relay.dns-resolver}: {@code host[:port]} of the DNS server for the
 *     relay; empty (the default) to use the core key {@code dns.resolver}, itself empty for the
 *     system's resolver
 * @param dnsTimeout {@code relay.dns-timeout}: per DNS query (10s)
 * @param heloName {@code relay.helo-name}: the EHLO name; empty for the server's hostname
 * @param inetProtocols {@code relay.inet-protocols}: {@code ipv4}, {@code ipv6}, in the order
 *     addresses of one host are tried (default {@code ipv4, ipv6})
 * @param trustStore {@code relay.tls-trust-store}: CA certificates for verified TLS (PEM, or
 *     PKCS12 when the name ends in .p12/.pfx); {@code null} for the JDK's
 * @param verifySmarthostTls {@code relay.tls-verify-smarthost}: verify a smarthost's
 *     certificate before sending it a password (true)
 * @param credentials {@code relay.auth} and {@code relay.auth-file}, see {@link RelayCredentials}
 * @param idleTime {@code relay.connection-idle}: how long an unused connection stays open for
 *     the next message to the same host (5s; 0 switches reuse off)
 * @param cachePerHost {@code relay.connection-cache-size}: idle connections kept per host (4)
 * @param hostDownTime {@code relay.host-down-time}: how long an address that did not answer is
 *     skipped (1m; 0 turns it off)
 * @param maxRecipients {@code relay.max-recipients}: recipients per transaction (100, the
 *     minimum servers must take, RFC 5321 4.5.3.1.8)
 */
public record RelayConfig(int port, Duration connectTimeout, Duration greetingTimeout, Duration commandTimeout,
        Duration dataTimeout, Duration dataBlockTimeout, Duration dataDoneTimeout, String dnsResolver,
        Duration dnsTimeout, String heloName, List<String> inetProtocols, Path trustStore, boolean verifySmarthostTls,
        RelayCredentials credentials, Duration idleTime, int cachePerHost, Duration hostDownTime, int maxRecipients) {

    public RelayConfig {
        inetProtocols = List.copyOf(inetProtocols);
    }

    /** The built-in defaults. */
    public static RelayConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads {@code relay.*} from the smtp plugin's settings. */
    public static RelayConfig read(Settings s) throws ConfigException {
        RelayConfig d = defaults();
        Builder b = builder()
                .port(s.integer("relay.port", d.port))
                .connectTimeout(s.duration("relay.connect-timeout", d.connectTimeout))
                .greetingTimeout(s.duration("relay.greeting-timeout", d.greetingTimeout))
                .commandTimeout(s.duration("relay.command-timeout", d.commandTimeout))
                .dataTimeout(s.duration("relay.data-timeout", d.dataTimeout))
                .dataBlockTimeout(s.duration("relay.data-block-timeout", d.dataBlockTimeout))
                .dataDoneTimeout(s.duration("relay.data-done-timeout", d.dataDoneTimeout))
                .dnsResolver(s.string("relay.dns-resolver", ""))
                .dnsTimeout(s.duration("relay.dns-timeout", d.dnsTimeout))
                .heloName(s.string("relay.helo-name", ""))
                .inetProtocols(s.list("relay.inet-protocols", d.inetProtocols))
                .trustStore(s.path("relay.tls-trust-store", null))
                .verifySmarthostTls(s.bool("relay.tls-verify-smarthost", true))
                .credentials(RelayCredentials.of(s.string("relay.auth", ""), s.path("relay.auth-file", null)))
                .idleTime(s.duration("relay.connection-idle", d.idleTime))
                .cachePerHost(s.integer("relay.connection-cache-size", d.cachePerHost))
                .hostDownTime(s.duration("relay.host-down-time", d.hostDownTime))
                .maxRecipients(s.integer("relay.max-recipients", d.maxRecipients));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Whether {@code ipv4} or {@code ipv6} addresses are used at all. */
    public boolean uses(String protocol) {
        return inetProtocols.contains(protocol);
    }

    /** Mutable builder; {@link #build()} checks the values. */
    public static final class Builder {
        private int port = 25;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration greetingTimeout = Duration.ofMinutes(5);
        private Duration commandTimeout = Duration.ofMinutes(5);
        private Duration dataTimeout = Duration.ofMinutes(2);
        private Duration dataBlockTimeout = Duration.ofMinutes(3);
        private Duration dataDoneTimeout = Duration.ofMinutes(10);
        private String dnsResolver = "";
        private Duration dnsTimeout = Duration.ofSeconds(10);
        private String heloName = "";
        private List<String> inetProtocols = List.of("ipv4", "ipv6");
        private Path trustStore;
        private boolean verifySmarthostTls = true;
        private RelayCredentials credentials = RelayCredentials.NONE;
        private Duration idleTime = Duration.ofSeconds(5);
        private int cachePerHost = 4;
        private Duration hostDownTime = Duration.ofMinutes(1);
        private int maxRecipients = 100;

        public Builder port(int v) { port = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder greetingTimeout(Duration v) { greetingTimeout = v; return this; }
        public Builder commandTimeout(Duration v) { commandTimeout = v; return this; }
        public Builder dataTimeout(Duration v) { dataTimeout = v; return this; }
        public Builder dataBlockTimeout(Duration v) { dataBlockTimeout = v; return this; }
        public Builder dataDoneTimeout(Duration v) { dataDoneTimeout = v; return this; }
        public Builder dnsResolver(String v) { dnsResolver = v == null ? "" : v.strip(); return this; }
        public Builder dnsTimeout(Duration v) { dnsTimeout = v; return this; }
        public Builder heloName(String v) { heloName = v == null ? "" : v.strip(); return this; }
        public Builder inetProtocols(List<String> v) { inetProtocols = v; return this; }
        public Builder trustStore(Path v) { trustStore = v; return this; }
        public Builder verifySmarthostTls(boolean v) { verifySmarthostTls = v; return this; }
        public Builder credentials(RelayCredentials v) { credentials = v; return this; }
        public Builder idleTime(Duration v) { idleTime = v; return this; }
        public Builder cachePerHost(int v) { cachePerHost = v; return this; }
        public Builder hostDownTime(Duration v) { hostDownTime = v; return this; }
        public Builder maxRecipients(int v) { maxRecipients = v; return this; }

        /** @throws IllegalArgumentException naming the bad key */
        public RelayConfig build() {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("smtp.relay.port: not a port: " + port);
            }
            List<String> protocols = inetProtocols.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
            if (protocols.isEmpty() || !List.of("ipv4", "ipv6").containsAll(protocols)) {
                throw new IllegalArgumentException("smtp.relay.inet-protocols: use ipv4, ipv6 or both");
            }
            if (maxRecipients < 1 || cachePerHost < 0 || hostDownTime.isNegative()) {
                throw new IllegalArgumentException("smtp.relay.max-recipients must be at least 1, "
                        + "smtp.relay.connection-cache-size and smtp.relay.host-down-time at least 0");
            }
            for (Duration t : List.of(connectTimeout, greetingTimeout, commandTimeout, dataTimeout, dataBlockTimeout, dataDoneTimeout,
                    dnsTimeout)) {
                if (t.isNegative() || t.isZero()) {
                    throw new IllegalArgumentException("smtp.relay: timeouts must be positive");
                }
            }
            if (!dnsResolver.isEmpty()) {
                NextHop.parse(dnsResolver.startsWith("[") || dnsResolver.chars().filter(c -> c == ':').count() <= 1
                        ? dnsResolver : "[" + dnsResolver + "]", 53);
            }
            return new RelayConfig(port, connectTimeout, greetingTimeout, commandTimeout, dataTimeout, dataBlockTimeout,
                    dataDoneTimeout, dnsResolver, dnsTimeout, heloName, protocols, trustStore, verifySmarthostTls,
                    credentials, idleTime, cachePerHost, hostDownTime, maxRecipients);
        }
    }
}
