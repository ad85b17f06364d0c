/**
 * DNS blocklists (RFC 5782): whether a client's address is listed in the zones of
 * {@code smtp.dnsbl}, as Postfix's {@code reject_rbl_client} asks.
 */
package org.tegami.smtp.dnsbl;
