/**
 * The POP3 plugin: {@link org.tegami.pop3.Pop3Service} serves the {@code pop3} (STLS) and
 * {@code pop3s} (implicit TLS, RFC 8314) listeners over the users' INBOX through the core
 * mailbox API. RFC 1939, RFC 2449 (CAPA), RFC 2595 (STLS), RFC 3206 (response codes),
 * RFC 5034 (SASL AUTH).
 */
package org.tegami.pop3;
