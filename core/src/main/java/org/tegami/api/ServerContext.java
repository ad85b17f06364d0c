package org.tegami.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The services of the running server, handed to each extension in
 * {@link TegamiExtension#start}. All services are thread-safe.
 */
public interface ServerContext {

    /** This server's name (config key {@code hostname}), used in banners and Received: headers. */
    String hostname();

    /** The local domains (config key {@code domains}), lower-case; reflects reloads. */
    Set<String> localDomains();

    /** The configuration directory ({@code --conf}). */
    Path configDirectory();

    /** Hands accepted messages to the spool. */
    Intake intake();

    /** Answers "where would this recipient go?" without delivering, for RCPT-time checks. */
    RecipientResolver recipients();

    /** Password checks with brute-force protection, shared by all protocols. */
    Authenticator authenticator();

    /** The user accounts ({@code conf/users}). */
    UserDirectory users();

    /** The users' Maildirs. */
    MailStore mailStore();

    /** The TLS provider when one is loaded and has a certificate; empty otherwise. */
    Optional<TlsProvider> tls();

    /**
     * The DNS server for MX lookups (config key {@code dns.resolver}) as {@code host:port},
     * or empty to use the system's resolver.
     */
    default Optional<String> dnsResolver() {
        return Optional.empty();
    }

    /** Where the extension's own counters go; {@link Metrics#NONE} unless the host provides them. */
    default Metrics metrics() {
        return Metrics.NONE;
    }
}
