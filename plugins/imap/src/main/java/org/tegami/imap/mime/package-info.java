/**
 * Message structure for FETCH and SEARCH: a streaming MIME parser that records part offsets
 * (RFC 2045, RFC 2046), header fields, RFC 5322 address lists, and the decoders SEARCH needs
 * (RFC 2047 encoded words, quoted-printable, base64).
 */
package org.tegami.imap.mime;
