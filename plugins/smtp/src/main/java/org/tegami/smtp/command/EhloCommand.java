package org.tegami.smtp.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tegami.api.SaslExchange;
import org.tegami.smtp.codec.SmtpReply;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/**
 * EHLO (RFC 5321 4.1.1.1) and the service extensions we offer: PIPELINING (RFC 2920), SIZE
 * (RFC 1870), 8BITMIME (RFC 6152), ENHANCEDSTATUSCODES (RFC 2034), SMTPUTF8 (RFC 6531),
 * CHUNKING (RFC 3030), DSN (RFC 3461), and while allowed STARTTLS (RFC 3207) and AUTH (RFC 4954).
 */
final class EhloCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "EHLO";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return ANY;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        String name = HeloCommand.clientName(argument);
        if (name == null) {
            return Response.reply(501, "5.5.4", "Syntax: EHLO hostname");
        }
        if (session.heloName() != null) {
            session.junkCommand();
        }
        session.greet(name, true);
        List<String> lines = new ArrayList<>();
        lines.add(session.server().hostname() + " greets " + name);
        lines.add("PIPELINING");
        lines.add("SIZE " + session.config().maxSize());
        lines.add("8BITMIME");
        lines.add("ENHANCEDSTATUSCODES");
        lines.add("SMTPUTF8");
        lines.add("CHUNKING");
        lines.add("DSN");
        if (!session.secure() && session.canStartTls()) {
            lines.add("STARTTLS");
        }
        if (session.authAllowed() && !session.authenticated()) {
            lines.add("AUTH " + SaslExchange.PLAIN + " " + SaslExchange.LOGIN);
        }
        return Response.reply(new SmtpReply(250, null, lines));
    }
}
