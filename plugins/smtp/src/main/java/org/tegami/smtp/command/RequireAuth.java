package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** Lets a command run only for an authenticated client (RFC 4954 6: 530 5.7.0). */
final class RequireAuth implements SmtpCommand {

    private final SmtpCommand inner;

    RequireAuth(SmtpCommand inner) {
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
        if (!session.authenticated()) {
            return Response.reply(530, "5.7.0", "Authentication required");
        }
        return inner.execute(session, argument);
    }
}
