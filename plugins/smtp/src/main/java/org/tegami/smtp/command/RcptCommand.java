package org.tegami.smtp.command;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;
import org.tegami.api.RecipientResolver;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.smtp.codec.PathArgument;
import org.tegami.smtp.codec.RequestParser;
import org.tegami.smtp.codec.SmtpReply;
import org.tegami.smtp.codec.SyntaxException;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * RCPT TO (RFC 5321 4.1.1.3) with the DSN parameters NOTIFY and ORCPT (RFC 3461 4). Each
 * recipient is routed now, so unknown users are refused in the dialogue rather than bounced
 * later, and relay control applies: an address that would leave this server is accepted only
 * from an authenticated client.
 */
final class RcptCommand implements SmtpCommand {

    private static final TaggedLogger LOG = Logger.tag("smtp");

    @Override
    public String verb() {
        return "RCPT";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return Set.of(SmtpState.MAIL, SmtpState.RCPT);
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        PathArgument path;
        try {
            path = RequestParser.parsePath(postmaster(session, argument), "TO:", true);
        } catch (SyntaxException e) {
            return Response.reply(e.reply());
        }
        if (!path.parameters().isEmpty() && !session.extended()) {
            return Response.reply(555, "5.5.4", "RCPT parameters need EHLO");
        }
        String notify = null;
        String orcpt = null;
        for (Map.Entry<String, String> p : path.parameters().entrySet()) {
            switch (p.getKey()) {
                case "NOTIFY" -> {
                    notify = p.getValue().toUpperCase(Locale.ROOT);
                    if (!validNotify(notify)) {
                        return Response.reply(501, "5.5.4", "NOTIFY must be NEVER or a list of SUCCESS, FAILURE, DELAY");
                    }
                }
                case "ORCPT" -> {
                    orcpt = p.getValue();
                    int semi = orcpt.indexOf(';');
                    if (semi <= 0 || orcpt.length() > 500 || !RequestParser.isXtext(orcpt.substring(semi + 1))) {
                        return Response.reply(501, "5.5.4", "ORCPT must be addr-type;xtext");
                    }
                }
                default -> {
                    return Response.reply(555, "5.5.4", "Unsupported parameter " + p.getKey());
                }
            }
        }
        if (path.hasUtf8Address() && !session.transaction().smtpUtf8()) {
            return Response.reply(553, "5.6.7", "Non-ASCII recipient address needs SMTPUTF8");
        }
        if (session.transaction().recipientCount() >= session.config().maxRecipients()) {
            return Response.reply(452, "4.5.3", "Too many recipients");
        }
        Response refusal = route(session, path.address());
        if (refusal != null) {
            return refusal;
        }
        session.transaction().addRecipient(new Recipient(path.address(), notify, orcpt));
        session.recipientAdded();
        return Response.reply(250, "2.1.5", "Ok");
    }

    /** RFC 5321 4.1.1.3: {@code <Postmaster>} without a domain must be accepted. */
    private static String postmaster(SessionContext session, String argument) {
        String compact = argument.replace(" ", "");
        if (compact.equalsIgnoreCase("TO:<postmaster>")) {
            String domain = session.server().localDomains().stream().sorted().findFirst().orElse(session.server().hostname());
            return "TO:<postmaster@" + domain + ">";
        }
        return argument;
    }

    private static Response route(SessionContext session, MailAddress address) {
        RecipientResolver.Resolution resolution;
        try {
            resolution = session.server().recipients().resolve(address);
        } catch (RuntimeException e) {
            LOG.error(e, "Routing {} failed", address);
            return Response.reply(451, "4.3.0", "Temporary failure looking up the recipient");
        }
        Reply rejection = resolution.rejection();
        if (rejection != null) {
            return Response.reply(SmtpReply.of(rejection));
        }
        if (!session.authenticated() && relays(resolution)) {
            return Response.reply(550, "5.7.1", "Relaying denied");
        }
        return null;
    }

    private static boolean relays(RecipientResolver.Resolution resolution) {
        return resolution.relays() || resolution.decisions().stream().anyMatch(RcptCommand::relays);
    }

    private static boolean relays(RouteDecision decision) {
        if (decision instanceof RouteDecision.Several several) {
            return several.parts().stream().anyMatch(RcptCommand::relays);
        }
        return decision instanceof RouteDecision.Relay;
    }

    private static boolean validNotify(String notify) {
        if (notify.equals("NEVER")) {
            return true;
        }
        for (String item : notify.split(",", -1)) {
            if (!item.equals("SUCCESS") && !item.equals("FAILURE") && !item.equals("DELAY")) {
                return false;
            }
        }
        return true;
    }
}
