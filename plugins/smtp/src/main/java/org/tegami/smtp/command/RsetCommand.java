package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** RSET (RFC 5321 4.1.1.5): drops the transaction, keeps the greeting and AUTH. Counts as a junk command. */
final class RsetCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "RSET";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return ANY;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        if (!argument.isEmpty()) {
            return Response.reply(501, "5.5.4", "Syntax: RSET");
        }
        session.junkCommand();
        session.reset();
        return Response.reply(250, "2.0.0", "Ok");
    }
}
