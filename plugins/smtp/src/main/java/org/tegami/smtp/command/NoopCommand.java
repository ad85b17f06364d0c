package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** NOOP (RFC 5321 4.1.1.9); its argument is ignored. Counts as a junk command. */
final class NoopCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "NOOP";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return ANY;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        session.junkCommand();
        return Response.reply(250, "2.0.0", "Ok");
    }
}
