package org.tegami.imap.process;

import java.io.IOException;
import org.tegami.api.Authenticator.AuthResult;
import org.tegami.imap.session.Capabilities;
import org.tegami.imap.session.ImapSession;
import org.tinylog.Logger;

/** The part of LOGIN and AUTHENTICATE after the credentials are known. */
final class Logins {

    private Logins() {
    }

    /** Refusal while plaintext authentication is not allowed (RFC 3501 6.2.3, RFC 9051 7.1). */
    static Completion privacyRequired() {
        return Completion.no("PRIVACYREQUIRED", "Use STARTTLS or IMAPS before logging in");
    }

    static Completion authenticate(ImapSession session, String login, String password) throws IOException {
        AuthResult result = session.context().authenticator().authenticate(login, password,
                session.connection().remoteAddress().getAddress());
        if (result instanceof AuthResult.Success success) {
            session.authenticated(success.account(), session.context().mailStore().mailbox(success.account().name()));
            return Completion.ok("CAPABILITY " + Capabilities.of(session), "Logged in");
        }
        if (result instanceof AuthResult.Unavailable unavailable) {
            Logger.tag("imap").warn("user store unavailable: {}", unavailable.reason());
            return Completion.no("UNAVAILABLE", "Temporary authentication failure");
        }
        Logger.tag("imap").info("authentication failed for {}{}", login,
                result instanceof AuthResult.LockedOut ? " (locked out)" : "");
        return Completion.no("AUTHENTICATIONFAILED", "Authentication failed");
    }
}
