/**
 * POP3 bytes on the wire: {@link org.tegami.pop3.codec.LineReader} reads command lines with a
 * length limit, {@link org.tegami.pop3.codec.RequestParser} turns them into immutable
 * {@link org.tegami.pop3.codec.Pop3Request}s, and {@link org.tegami.pop3.codec.ReplyWriter}
 * encodes {@link org.tegami.pop3.codec.Pop3Reply}s, dot-stuffing multi-line responses
 * (RFC 1939 section 3). No class here knows the session state.
 */
package org.tegami.pop3.codec;
