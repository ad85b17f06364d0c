/**
 * The IMAP4rev1 server plugin (RFC 3501, with IDLE, UIDPLUS, MOVE, NAMESPACE, SPECIAL-USE,
 * LITERAL+, ENABLE, UTF8=ACCEPT, UNSELECT, ID, CHILDREN, LIST-EXTENDED and LIST-STATUS) over
 * the Mailbox API. Layers: {@code decode} (commands to requests), {@code session} (state and the
 * selected mailbox), {@code process} (one processor per command), {@code encode} (responses),
 * {@code mime} and {@code search} (message structure and SEARCH).
 */
package org.tegami.imap;
