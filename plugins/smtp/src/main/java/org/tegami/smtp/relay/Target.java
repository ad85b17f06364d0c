package org.tegami.smtp.relay;

import java.net.InetAddress;

/**
 * One address of one server, and how a session with it must be set up. Sessions in the
 * {@link SessionPool} are shared only between deliveries with equal targets.
 *
 * @param hostName the server's name (for TLS verification and SNI, and DSN's Remote-MTA)
 * @param address the address to connect to
 * @param port the TCP port
 * @param requireTls refuse to go on without STARTTLS
 * @param verifyTls check the certificate chain and host name
 * @param credential log in with this (only over TLS), or {@code null}
 */
public record Target(String hostName, InetAddress address, int port, boolean requireTls, boolean verifyTls,
        RelayCredentials.Credential credential) {

    /** {@code mx.example.com[192.0.2.1]:25}, for logs. */
    public String describe() {
        return hostName + "[" + address.getHostAddress() + "]:" + port;
    }
}
