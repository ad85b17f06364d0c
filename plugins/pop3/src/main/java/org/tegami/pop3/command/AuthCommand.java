package org.tegami.pop3.command;

import java.util.List;
import org.tegami.api.SaslExchange;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;

/**
 * AUTH mechanism [initial-response] (RFC 5034) with SASL PLAIN and LOGIN. Challenges go out as
 * {@code + base64}; the client's lines come back through a session continuation. A bare AUTH
 * lists the mechanisms, as many clients expect.
 */
final class AuthCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        session.pendingUser(null);
        if (request.hasArguments(0)) {
            return Pop3Reply.okLines("SASL mechanisms follow", List.of(SaslExchange.PLAIN, SaslExchange.LOGIN));
        }
        if (request.arguments().size() > 2) {
            return session.badCommand(Pop3Reply.err("AUTH takes a mechanism and an optional initial response"));
        }
        String mechanism = request.argument(0);
        if (!SaslExchange.supports(mechanism)) {
            return Pop3Reply.err("unsupported SASL mechanism");
        }
        String initial = request.arguments().size() == 2 ? request.argument(1) : null;
        SaslExchange.Start start = SaslExchange.start(mechanism, initial);
        return step(start.exchange(), start.step(), session);
    }

    private static Pop3Reply step(SaslExchange exchange, SaslExchange.Step step, Pop3Session session) {
        if (step instanceof SaslExchange.Step.Challenge challenge) {
            session.expect((line, s) -> step(exchange, exchange.next(line), s));
            return Pop3Reply.continuation(challenge.base64());
        }
        if (step instanceof SaslExchange.Step.Done done) {
            SaslExchange.Credentials credentials = done.credentials();
            if (credentials.authorizationId() != null && !credentials.authorizationId().equals(credentials.login())) {
                return session.authenticationFailed(Pop3Reply.err("AUTH", "authorization identity not permitted"));
            }
            return Authentication.login(session, credentials.login(), credentials.password());
        }
        if (step instanceof SaslExchange.Step.Cancelled) {
            return Pop3Reply.err("authentication cancelled");
        }
        return session.authenticationFailed(Pop3Reply.err("malformed SASL response"));
    }
}
