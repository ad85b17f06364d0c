package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** QUIT (RFC 5321 4.1.1.10): any open transaction is dropped, then the connection closed. */
final class QuitCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "QUIT";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return ANY;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        if (!argument.isEmpty()) {
            return Response.reply(501, "5.5.4", "Syntax: QUIT");
        }
        session.reset();
        return Response.close(221, "2.0.0", "Bye");
    }
}
