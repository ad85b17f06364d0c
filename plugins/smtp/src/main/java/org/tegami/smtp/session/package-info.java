/**
 * One SMTP session: the loop that owns the connection ({@link org.tegami.smtp.session.SmtpSession}),
 * the state commands see and change ({@link org.tegami.smtp.session.SessionContext},
 * {@link org.tegami.smtp.session.SmtpState}, {@link org.tegami.smtp.session.Transaction}), and
 * the trace header added to accepted mail ({@link org.tegami.smtp.session.ReceivedHeader}).
 */
package org.tegami.smtp.session;
