/**
 * The Maildir layer: local delivery ({@link org.tegami.core.maildir.MaildirDelivery}) and the
 * mailbox access for POP3 and IMAP ({@link org.tegami.core.maildir.MaildirStore}). Files follow
 * qmail's Maildir naming and Maildir++ folders; {@code dovecot-uidlist},
 * {@code dovecot-keywords} and {@code subscriptions} are written the way Dovecot 2.3 writes
 * them, so Dovecot, mutt or mbsync can share the folders.
 */
package org.tegami.core.maildir;
