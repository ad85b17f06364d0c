package org.tegami.api;

/**
 * A listener a {@link ProtocolHandler} serves. The host binds the address in the config key
 * {@code <name>.listen} ({@code host:port}; empty switches the listener off), or
 * {@code defaultAddress} when the key is absent.
 *
 * @param name the listener's name and config prefix: {@code smtp}, {@code submission},
 *     {@code smtps}, {@code pop3}, {@code pop3s}, {@code imap}, {@code imaps}
 * @param defaultAddress {@code host:port} used when the config does not say, e.g. {@code 127.0.0.1:2525}
 * @param implicitTls whether the TLS handshake happens before the protocol starts (RFC 8314)
 */
public record ListenerSpec(String name, String defaultAddress, boolean implicitTls) {
}
