package org.tegami.api;

import javax.net.ssl.SSLContext;

/**
 * Supplies the server's TLS context (tls plugin). The host asks for it at every handshake, so
 * a provider that reloads renewed certificates makes new connections use them at once.
 * Thread-safe.
 */
public interface TlsProvider extends TegamiExtension {

    /**
     * The context for server-side handshakes, configured with the provider's protocols and
     * cipher suites (and SNI key selection, when it has several certificates).
     */
    SSLContext serverContext();

    /**
     * Protocols to enable on server sockets, e.g. {@code TLSv1.3, TLSv1.2}; the host applies them.
     */
    default String[] enabledProtocols() {
        return new String[] {"TLSv1.3", "TLSv1.2"};
    }
}
