package org.tegami.smtp.command;

import java.util.Set;
import java.util.function.Predicate;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** Lets a command run only when the session passes a check, else answers a fixed refusal. */
final class GuardedCommand implements SmtpCommand {

    private final SmtpCommand inner;
    private final Predicate<SessionContext> allowed;
    private final Response refusal;

    private GuardedCommand(SmtpCommand inner, Predicate<SessionContext> allowed, Response refusal) {
        this.inner = inner;
        this.allowed = allowed;
        this.refusal = refusal;
    }

    /** Only for an authenticated client (RFC 4954 6: 530 5.7.0). */
    static SmtpCommand requireAuth(SmtpCommand inner) {
        return new GuardedCommand(inner, SessionContext::authenticated,
                Response.reply(530, "5.7.0", "Authentication required"));
    }

    /**
     * Only over TLS, or from loopback when the settings allow: passwords never cross a network
     * in the clear (RFC 4954 4: 538 5.7.11 encryption required).
     */
    static SmtpCommand requireSecureAuth(SmtpCommand inner) {
        return new GuardedCommand(inner, SessionContext::authAllowed,
                Response.reply(538, "5.7.11", "Encryption required for requested authentication mechanism"));
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
        return allowed.test(session) ? inner.execute(session, argument) : refusal;
    }
}
