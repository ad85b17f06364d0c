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
 * message). Parsing is kept apart from I/O: {@link org.tegami.smtp.relay.ReplyParser},
 * {@link org.tegami.smtp.relay.Capabilities}, {@link org.tegami.smtp.relay.MailParameters}.
 */
package org.tegami.smtp.relay;
