package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/**
 * Lets a command run only over TLS, or from loopback when the settings allow: passwords never
 * cross a network in the clear (RFC 4954 4: 538 5.7.11 encryption required).
 */
final class RequireSecureAuth implements SmtpCommand {

    private final SmtpCommand inner;

    RequireSecureAuth(SmtpCommand inner) {
        this.inner = inner;
    }

    @Override
    public String verb() {
        return inner.verb();
    }

    @Override
    public Set<SmtpState> legalStates() {
        return inner.legalStates();
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        if (!session.authAllowed()) {
            return Response.reply(538, "5.7.11", "Encryption required for requested authentication mechanism");
        }
        return inner.execute(session, argument);
    }
}
