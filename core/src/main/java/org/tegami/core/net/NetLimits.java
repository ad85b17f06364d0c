package org.tegami.core.net;

import java.time.Duration;

/**
 * The connection limits every listener of a {@link ListenerHost} shares.
 *
 * @param maxConnections open connections over all listeners together (config
 *     {@code net.max-connections})
 * @param maxConnectionsPerIp open connections from one client address ({@code net.max-connections-per-ip})
 * @param idleTimeout how long a read may wait for the client ({@code net.idle-timeout})
 * @param handshakeTimeout the longest a TLS handshake may take in total, so half-open
 *     handshakes do not hold a thread
 * @param writeTimeout the longest one write to a client may block ({@code net.write-timeout});
 *     the idle timeout when that is shorter. A client that reads nothing for this long is cut
 *     off even where reads may wait longer (IMAP IDLE: 30 minutes), so that it does not hold a
 *     thread that writes to it, such as IDLE's shared update threads, that long.
 */
public record NetLimits(int maxConnections, int maxConnectionsPerIp, Duration idleTimeout,
        Duration handshakeTimeout, Duration writeTimeout) {

    /** The defaults of {@code conf/tegami.conf}. */
    public static final NetLimits DEFAULTS = new NetLimits(1000, 100, Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    /** Limits whose writes may block as long as reads wait. */
    public NetLimits(int maxConnections, int maxConnectionsPerIp, Duration idleTimeout, Duration handshakeTimeout) {
        this(maxConnections, maxConnectionsPerIp, idleTimeout, handshakeTimeout, idleTimeout);
    }

    public NetLimits {
        if (maxConnections < 1 || maxConnectionsPerIp < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()
                || writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** The idle timeout in milliseconds for SO_TIMEOUT, at least 1. */
    int idleMillis() {
        return millis(idleTimeout);
    }

    int writeMillis() {
        return millis(writeTimeout);
    }

    int handshakeMillis() {
        return millis(handshakeTimeout);
    }

    static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
