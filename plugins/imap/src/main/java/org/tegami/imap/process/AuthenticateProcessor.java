package org.tegami.imap.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.tegami.api.SaslExchange;
import org.tegami.api.SaslExchange.Step;
import org.tegami.imap.decode.Request;
import org.tegami.imap.session.ImapSession;
import org.tegami.imap.session.SessionState;

/** AUTHENTICATE PLAIN / LOGIN (RFC 3501 6.2.2) with an optional initial response (RFC 4959). */
final class AuthenticateProcessor implements CommandProcessor<Request.Authenticate> {

    @Override
    public Set<SessionState> states() {
        return States.NOT_AUTHENTICATED;
    }

    @Override
    public Completion process(Request.Authenticate request, ImapSession session) throws IOException {
        if (!session.plaintextAuthAllowed()) {
            return Logins.privacyRequired();
        }
        if (!SaslExchange.supports(request.mechanism())) {
            return Completion.no("CANNOT", "Unsupported authentication mechanism");
        }
        SaslExchange.Start start = SaslExchange.start(request.mechanism(), request.initialResponse());
        Step step = start.step();
        while (step instanceof Step.Challenge challenge) {
            session.out().continuation(challenge.base64());
            session.out().flush();
            byte[] line = session.reader().readLine(false);
            if (line == null) {
                return Completion.bad("Response too long");
            }
            step = start.exchange().next(new String(line, StandardCharsets.US_ASCII));
        }
        if (step instanceof Step.Cancelled) {
            return Completion.bad("Authentication cancelled");
        }
        if (step instanceof Step.Failed) {
            return Completion.bad("Malformed authentication response");
        }
        SaslExchange.Credentials credentials = ((Step.Done) step).credentials();
        if (credentials.authorizationId() != null && !credentials.authorizationId().equalsIgnoreCase(credentials.login())) {
            return Completion.no("AUTHORIZATIONFAILED", "Cannot act as another user");
        }
        return Logins.authenticate(session, credentials.login(), credentials.password());
    }
}
