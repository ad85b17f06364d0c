package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** STARTTLS (RFC 3207 4): outside a transaction, once per connection. */
final class StarttlsCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "STARTTLS";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return NO_TRANSACTION;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        if (!argument.isEmpty()) {
            return Response.reply(501, "5.5.4", "Syntax: STARTTLS");
        }
        if (session.secure()) {
            return Response.reply(503, "5.5.1", "TLS already active");
        }
        if (!session.canStartTls()) {
            return Response.reply(454, "4.7.0", "TLS not available");
        }
        return new Response.StartTls();
    }
}
