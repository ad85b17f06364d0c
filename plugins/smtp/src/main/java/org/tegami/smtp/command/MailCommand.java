package org.tegami.smtp.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tegami.api.MailAddress;
import org.tegami.smtp.codec.PathArgument;
import org.tegami.smtp.codec.RequestParser;
import org.tegami.smtp.codec.SyntaxException;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;
import org.tegami.smtp.session.Transaction;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * MAIL FROM (RFC 5321 4.1.1.2) with the parameters of the extensions we offer: SIZE (RFC 1870),
 * BODY (RFC 6152), SMTPUTF8 (RFC 6531), RET and ENVID (RFC 3461), AUTH (RFC 4954 5). An
 * authenticated client may only name an address its login owns ({@link SenderOwnership}) unless
 * {@code smtp.sender-must-match-login} is off; mail from other servers goes through
 * {@link InboundCheck} instead (blocklists, SPF).
 */
final class MailCommand implements SmtpCommand {

    private static final TaggedLogger LOG = Logger.tag("smtp");

    @Override
    public String verb() {
        return "MAIL";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return Set.of(SmtpState.GREETED);
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        PathArgument path;
        try {
            path = RequestParser.parsePath(argument, "FROM:", false);
        } catch (SyntaxException e) {
            return Response.reply(e.reply());
        }
        if (!path.parameters().isEmpty() && !session.extended()) {
            return Response.reply(555, "5.5.4", "MAIL parameters need EHLO");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : path.parameters().entrySet()) {
            Response refusal = parameter(session, p.getKey(), p.getValue(), kept);
            if (refusal != null) {
                return refusal;
            }
        }
        if (path.hasUtf8Address() && !kept.containsKey("SMTPUTF8")) {
            return Response.reply(553, "5.6.7", "Non-ASCII sender address needs SMTPUTF8");
        }
        Response notOwned = ownership(session, path.address());
        if (notOwned != null) {
            return notOwned;
        }
        InboundCheck.Outcome checked = InboundCheck.run(session, path.address());
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        session.begin(new Transaction(path.address(), kept, checked.spf()));
        return Response.reply(250, "2.1.0", "Ok");
    }

    /** Refuses a sender the authenticated user does not own; {@code null} when it may be used. */
    private static Response ownership(SessionContext session, MailAddress sender) {
        String login = session.authenticatedUser().orElse(null);
        // RFC 5321 4.5.5: the null reverse-path names nobody, so nobody is impersonated.
        if (login == null || sender.isNullSender() || !session.config().senderMustMatchLogin()) {
            return null;
        }
        boolean owned;
        try {
            owned = new SenderOwnership(session.server().recipients()).owns(login, sender);
        } catch (RuntimeException e) {
            LOG.error(e, "Routing sender {} failed", sender);
            return Response.reply(451, "4.3.0", "Temporary failure checking the sender address");
        }
        if (owned) {
            return null;
        }
        LOG.info("MAIL FROM {} refused: not owned by {}", sender.bracketed(), login);
        // RFC 3463 5.7.1: delivery not authorized; RFC 5321 4.2.2: 553 mailbox name not allowed.
        return Response.reply(553, "5.7.1", "Sender address not owned by user " + printable(login));
    }

    /** The login as reply text: one line of visible ASCII, whatever the user file holds. */
    private static String printable(String login) {
        return login.replaceAll("[^\\x21-\\x7e]", "?");
    }

    /** Checks one parameter and keeps it for the envelope; returns a refusal or {@code null}. */
    private static Response parameter(SessionContext session, String key, String value, Map<String, String> kept) {
        String upper = value.toUpperCase(Locale.ROOT);
        switch (key) {
            case "SIZE" -> {
                if (!value.matches("[0-9]{1,20}")) {
                    return Response.reply(501, "5.5.4", "Bad SIZE value");
                }
                if (value.length() > 18 || Long.parseLong(value) > session.config().maxSize()) {
                    return Response.reply(552, "5.3.4", "Message size exceeds fixed maximum message size");
                }
            }
            case "BODY" -> {
                if (!upper.equals("7BIT") && !upper.equals("8BITMIME")) {
                    return Response.reply(555, "5.5.4", "BODY must be 7BIT or 8BITMIME");
                }
                kept.put(key, upper);
            }
            case "SMTPUTF8" -> {
                if (!value.isEmpty()) {
                    return Response.reply(501, "5.5.4", "SMTPUTF8 takes no value");
                }
                kept.put(key, "");
            }
            case "RET" -> {
                if (!upper.equals("FULL") && !upper.equals("HDRS")) {
                    return Response.reply(501, "5.5.4", "RET must be FULL or HDRS");
                }
                kept.put(key, upper);
            }
            case "ENVID" -> {
                if (value.length() > 100 || !RequestParser.isXtext(value)) {
                    return Response.reply(501, "5.5.4", "Bad ENVID value");
                }
                kept.put(key, value);
            }
            case "AUTH" -> {
                if (!value.equals("<>") && !RequestParser.isXtext(value)) {
                    return Response.reply(501, "5.5.4", "Bad AUTH value");
                }
                // RFC 4954 5: from an unauthenticated client the claim is not trusted.
                kept.put(key, session.authenticated() ? value : "<>");
            }
            default -> {
                return Response.reply(555, "5.5.4", "Unsupported parameter " + key);
            }
        }
        return null;
    }
}
