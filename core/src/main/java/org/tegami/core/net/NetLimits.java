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
 */
public record NetLimits(int maxConnections, int maxConnectionsPerIp, Duration idleTimeout,
        Duration handshakeTimeout) {

    /** The defaults of {@code conf/tegami.conf}. */
    public static final NetLimits DEFAULTS = new NetLimits(1000, 100, Duration.ofMinutes(5), Duration.ofSeconds(30));

    public NetLimits {
        if (maxConnections < 1 || maxConnectionsPerIp < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** The idle timeout in milliseconds for SO_TIMEOUT, at least 1. */
    int idleMillis() {
        return millis(idleTimeout);
    }

    int handshakeMillis() {
        return millis(handshakeTimeout);
    }

    static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
