package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.api.Authenticator;
import org.tegami.api.SaslExchange;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * AUTH (RFC 4954) with PLAIN (RFC 4616) and LOGIN, decoded by {@link SaslExchange} and checked
 * by the server's {@link Authenticator}, which slows down and locks out repeated failures.
 */
final class AuthCommand implements SmtpCommand {

    private static final TaggedLogger LOG = Logger.tag("smtp");

    @Override
    public String verb() {
        return "AUTH";
    }

    @Override
    public Set<SmtpState> legalStates() {
        return Set.of(SmtpState.GREETED);
    }

    @Override
    public Response execute(SessionContext session, String argument) {
        if (session.authenticated()) {
            return Response.reply(503, "5.5.1", "Already authenticated");
        }
        if (!session.extended()) {
            return Response.reply(503, "5.5.1", "AUTH needs EHLO");
        }
        String[] parts = argument.strip().split(" +");
        if (argument.isBlank() || parts.length > 2) {
            return Response.reply(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]");
        }
        if (!SaslExchange.supports(parts[0])) {
            return Response.reply(504, "5.5.4", "Unrecognized authentication type");
        }
        SaslExchange.Start start = SaslExchange.start(parts[0], parts.length == 2 ? parts[1] : null);
        return step(session, start.exchange(), start.step());
    }

    private Response step(SessionContext session, SaslExchange exchange, SaslExchange.Step step) {
        if (step instanceof SaslExchange.Step.Challenge c) {
            return new Response.Challenge(c.base64(), line -> step(session, exchange, exchange.next(line)));
        }
        if (step instanceof SaslExchange.Step.Cancelled) {
            return Response.reply(501, "5.0.0", "Authentication cancelled");
        }
        if (step instanceof SaslExchange.Step.Failed f) {
            LOG.debug("AUTH from {} malformed: {}", session.clientAddress().getHostAddress(), f.reason());
            return Response.reply(501, "5.5.2", "Cannot decode response");
        }
        SaslExchange.Credentials credentials = ((SaslExchange.Step.Done) step).credentials();
        Authenticator.AuthResult result = session.server().authenticator()
                .authenticate(credentials.login(), credentials.password(), session.clientAddress());
        if (result instanceof Authenticator.AuthResult.Success success) {
            String user = success.account().name();
            if (credentials.authorizationId() != null && !credentials.authorizationId().equalsIgnoreCase(user)) {
                LOG.info("AUTH as {} by {} refused: acting for another user is not supported", credentials.authorizationId(), user);
                return Response.reply(535, "5.7.8", "Authentication credentials invalid");
            }
            session.authenticated(user);
            return Response.reply(235, "2.7.0", "Authentication successful");
        }
        if (result instanceof Authenticator.AuthResult.LockedOut) {
            LOG.info("AUTH from locked-out address {} refused", session.clientAddress().getHostAddress());
            return Response.reply(454, "4.7.0", "Too many failed attempts; try again later");
        }
        if (result instanceof Authenticator.AuthResult.Unavailable u) {
            LOG.warn("AUTH could not be checked: {}", u.reason());
            return Response.reply(454, "4.7.0", "Temporary authentication failure");
        }
        LOG.info("AUTH failed for {} from {}", credentials.login(), session.clientAddress().getHostAddress());
        return Response.reply(535, "5.7.8", "Authentication credentials invalid");
    }
}
