/**
 * DNS queries for the SMTP plugin (the relay's MX lookups, SPF checks of incoming mail), made
 * with dnsjava through one resolver and cache per client.
 */
package org.tegami.smtp.dns;
