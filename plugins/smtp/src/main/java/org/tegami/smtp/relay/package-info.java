/**
 * Outbound delivery: {@link org.tegami.smtp.relay.SmtpTransport}, the {@code smtp} transport,
 * delivers relayed mail over SMTP (RFC 5321) to the recipient domain's MX hosts, found with
 * dnsjava, or to a configured smarthost.
 *
 * <p>The pieces, from the outside in: {@link org.tegami.smtp.relay.RelayConfig} (settings),
 * {@link org.tegami.smtp.relay.NextHop} and {@link org.tegami.smtp.relay.MxResolver} (where to
 * go), {@link org.tegami.smtp.relay.SessionPool} (connections kept open between messages),
 * {@link org.tegami.smtp.relay.ClientSession} (one SMTP client connection: greeting, EHLO,
 * STARTTLS, AUTH), {@link org.tegami.smtp.relay.MessageTransaction} (MAIL, RCPT, DATA for one
 * message), {@link org.tegami.smtp.relay.HopDelivery} (MX hosts and addresses in turn,
 * per-recipient results), {@link org.tegami.smtp.relay.HostMemory} (hosts that did not answer).
 * Parsing is kept apart from I/O: {@link org.tegami.smtp.relay.ReplyParser},
 * {@link org.tegami.smtp.relay.Capabilities}, {@link org.tegami.smtp.relay.MailParameters},
 * {@link org.tegami.smtp.relay.DotStuffer}. Before a message goes out, the transport has it
 * DKIM-signed ({@link org.tegami.smtp.dkim.OutboundSigner}).
 *
 * <p>Outcomes: 2xx delivered; 4xx, connection trouble and timeouts deferred; 5xx failed with
 * the remote reply (its text goes into the DSN). A message that requires TLS is deferred
 * ({@code 4.7.10}, {@code 4.7.5}) when no host offers verified TLS, so the spool retries and
 * bounces it after {@code queue.max-age}.
 */
package org.tegami.smtp.relay;
