package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** DATA (RFC 5321 4.1.1.4): the session answers 354 and reads the message. */
final class DataCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "DATA";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return Set.of(SmtpState.RCPT);
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        if (!argument.isEmpty()) {
            return Response.reply(501, "5.5.4", "Syntax: DATA");
        }
        return new Response.ReceiveData();
    }
}
