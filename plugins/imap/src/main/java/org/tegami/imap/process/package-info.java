/**
 * One processor per IMAP command (RFC 3501 6 and the extensions): each declares the states it is
 * allowed in, acts on the Mailbox API, writes its untagged data and returns a
 * {@link org.tegami.imap.process.Completion}. {@link org.tegami.imap.process.ProcessorTable}
 * is the command table.
 */
package org.tegami.imap.process;
