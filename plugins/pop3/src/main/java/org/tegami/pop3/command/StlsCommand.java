package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;

/**
 * STLS (RFC 2595 section 4): after {@code +OK} the session starts the TLS handshake; whatever
 * the client pipelined behind the command is discarded by the connection.
 */
final class StlsCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        if (!request.hasArguments(0)) {
            return session.badCommand(Pop3Reply.err("STLS takes no arguments"));
        }
        if (session.isSecure()) {
            return session.badCommand(Pop3Reply.err("already using TLS"));
        }
        if (!session.canStartTls()) {
            return Pop3Reply.err("TLS not available");
        }
        return Pop3Reply.ok("Begin TLS negotiation").then(Pop3Reply.Action.START_TLS);
    }
}
