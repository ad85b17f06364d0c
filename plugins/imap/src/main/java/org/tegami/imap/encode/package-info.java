/**
 * Response encoding (RFC 3501 7): strings and literals, flag lists, dates, ENVELOPE,
 * BODY/BODYSTRUCTURE, LIST, STATUS and THREAD lines, and the {@link org.tegami.imap.encode.ResponseWriter}
 * that streams them to the client.
 */
package org.tegami.imap.encode;
