package org.tegami.pop3.session;

import org.tegami.pop3.codec.Pop3Reply;

/**
 * Takes the client's next line instead of the command parser, while a SASL exchange is
 * running (RFC 5034 section 4). Set by a handler with {@link Pop3Session#expect}; the session
 * clears it before calling {@link #next}, so a step that wants another line sets it again.
 */
@FunctionalInterface
public interface Continuation {

    Pop3Reply next(String line, Pop3Session session);
}
