/**
 * One POP3 session: its explicit state ({@link org.tegami.pop3.session.Pop3State}), the
 * maildrop snapshot with this session's deletion marks ({@link org.tegami.pop3.session.Maildrop}),
 * the per-mailbox lock against a second POP3 session ({@link org.tegami.pop3.session.MaildropLocks}),
 * and the loop that owns the connection ({@link org.tegami.pop3.session.Pop3Session}).
 */
package org.tegami.pop3.session;
