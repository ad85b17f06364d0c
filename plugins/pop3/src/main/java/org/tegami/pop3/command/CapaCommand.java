package org.tegami.pop3.command;

import java.util.ArrayList;
import java.util.List;
import org.tegami.api.SaslExchange;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;
import org.tegami.pop3.session.Pop3State;

/**
 * CAPA (RFC 2449 section 5): the capabilities of this moment. USER and SASL are listed only
 * when a password may be sent now, STLS only when it can run, and the login capabilities
 * only in AUTHORIZATION (RFC 2449 section 6: they may change after login).
 */
final class CapaCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        if (!request.hasArguments(0)) {
            return session.badCommand(Pop3Reply.err("CAPA takes no arguments"));
        }
        List<String> lines = new ArrayList<>();
        lines.add("TOP");
        lines.add("UIDL");
        lines.add("RESP-CODES");
        lines.add("AUTH-RESP-CODE");
        lines.add("PIPELINING");
        if (session.state() == Pop3State.AUTHORIZATION) {
            if (session.plaintextLoginAllowed()) {
                lines.add("USER");
                lines.add("SASL " + SaslExchange.PLAIN + " " + SaslExchange.LOGIN);
            }
            if (session.canStartTls()) {
                lines.add("STLS");
            }
        }
        lines.add("EXPIRE NEVER");
        lines.add("IMPLEMENTATION Tegami");
        return Pop3Reply.okLines("Capability list follows", lines);
    }
}
