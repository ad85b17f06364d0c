/**
 * The host side of {@link org.tegami.api.ProtocolHandler}: binds the listeners, applies the
 * connection limits and timeouts, does implicit TLS and STARTTLS, and runs one session per
 * connection on its own thread. Blocking I/O throughout; each flushed reply leaves in one
 * write with TCP_NODELAY on, so no delayed ACK stalls an exchange.
 */
package org.tegami.core.net;
