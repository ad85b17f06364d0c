package org.tegami.smtp.command;

import java.util.List;
import java.util.Set;
import org.tegami.smtp.codec.SmtpReply;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/** HELP (RFC 5321 4.1.1.8). Counts as a junk command. */
final class HelpCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "HELP";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return ANY;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        session.junkCommand();
        return Response.reply(new SmtpReply(214, "2.0.0", List.of(
                "Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH",
                "See RFC 5321")));
    }
}
