/**
 * The IMAP session: the state machine of RFC 3501 3 ({@link org.tegami.imap.session.SessionState}),
 * the command loop, and the selected mailbox with its own sequence-number map
 * ({@link org.tegami.imap.session.SelectedFolder}).
 */
package org.tegami.imap.session;
