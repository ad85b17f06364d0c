package org.tegami.pop3.command;

import org.tegami.api.Authenticator;
import org.tegami.api.Authenticator.AuthResult;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.session.Pop3Session;
import org.tinylog.Logger;

/**
 * Checks a login and password with the server's {@link Authenticator} (which slows down and
 * locks out repeated failures per address) and opens the maildrop on success. Shared by PASS
 * and AUTH. Response codes per RFC 3206: {@code [AUTH]} for bad credentials,
 * {@code [SYS/TEMP]} for a lockout or an unreadable user store, both of which pass.
 */
final class Authentication {

    private Authentication() {
    }

    static Pop3Reply login(Pop3Session session, String login, String password) {
        AuthResult result = session.context().authenticator().authenticate(login, password, session.clientAddress());
        if (result instanceof AuthResult.Success success) {
            return session.openMaildrop(success.account());
        }
        if (result instanceof AuthResult.LockedOut) {
            Logger.tag("pop3").info("login refused for {}: address locked out", session.clientAddress());
            return Pop3Reply.err("SYS/TEMP", "too many failed logins, try again later").then(Pop3Reply.Action.CLOSE);
        }
        if (result instanceof AuthResult.Unavailable unavailable) {
            Logger.tag("pop3").warn("login impossible: {}", unavailable.reason());
            return Pop3Reply.err("SYS/TEMP", "authentication temporarily unavailable");
        }
        Logger.tag("pop3").info("failed login from {}", session.clientAddress());
        return session.authenticationFailed(Pop3Reply.err("AUTH", "invalid user name or password"));
    }
}
