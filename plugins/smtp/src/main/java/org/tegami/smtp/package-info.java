/**
 * The SMTP plugin's server side: {@link org.tegami.smtp.SmtpService} serves the MX
 * ({@code smtp}), submission ({@code submission}, RFC 6409) and implicit-TLS submission
 * ({@code smtps}, RFC 8314) listeners, each connection as one
 * {@link org.tegami.smtp.session.SmtpSession}.
 */
package org.tegami.smtp;
