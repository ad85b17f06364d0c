package org.tegami.smtp.session;

/** Where a session is in the RFC 5321 dialogue (4.1.4 command order). */
public enum SmtpState {
    /** Greeting sent; EHLO or HELO needed (also again after STARTTLS, RFC 3207 4.2). */
    CONNECTED,
    /** Client identified; no mail transaction open. */
    GREETED,
    /** MAIL accepted; a recipient needed. */
    MAIL,
    /** At least one RCPT accepted; DATA or BDAT may follow. */
    RCPT
}
