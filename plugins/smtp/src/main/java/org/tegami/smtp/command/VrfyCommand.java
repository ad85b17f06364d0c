package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.api.MailAddress;
import org.tegami.api.RecipientResolver;
import org.tegami.api.Reply;
import org.tegami.smtp.codec.SmtpReply;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/**
 * VRFY (RFC 5321 3.5.3, 4.1.1.6). Off by default, because it lets anyone harvest addresses:
 * then every argument gets the 252 that RFC 5321 3.5.3 suggests. Counts as a junk command.
 */
final class VrfyCommand implements SmtpCommand {

    @Override
    public String verb() {
        return "VRFY";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return ANY;
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        session.junkCommand();
        if (argument.isEmpty()) {
            return Response.reply(501, "5.5.4", "Syntax: VRFY address");
        }
        if (!session.config().vrfy()) {
            return Response.reply(252, "2.5.2", "Cannot VRFY user, but will accept message and attempt delivery");
        }
        MailAddress address;
        try {
            address = MailAddress.parse(argument);
        } catch (IllegalArgumentException e) {
            return Response.reply(501, "5.1.3", "Bad address syntax");
        }
        if (address.isNullSender()) {
            return Response.reply(501, "5.1.3", "Bad address syntax");
        }
        RecipientResolver.Resolution resolution;
        try {
            resolution = session.server().recipients().resolve(address);
        } catch (RuntimeException e) {
            return Response.reply(451, "4.3.0", "Temporary failure looking up the address");
        }
        Reply rejection = resolution.rejection();
        if (rejection != null) {
            return Response.reply(SmtpReply.of(rejection));
        }
        if (resolution.relays()) {
            return Response.reply(252, "2.5.2", "Not a local address; will attempt delivery");
        }
        return Response.reply(250, "2.1.5", address.bracketed());
    }
}
