package org.tegami.testing;

import java.util.Set;
import org.tegami.api.MailAddress;
import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;
import org.tegami.api.Router;
import org.tegami.api.ServerContext;

/**
 * The smallest useful router, for tests without the routing plugin: known users of local
 * domains get their INBOX, unknown local users 550 5.1.1, other domains relay through the
 * {@code smtp} transport.
 */
public final class LocalUsersRouter implements Router {

    private ServerContext context;

    @Override
    public void start(ServerContext context) {
        this.context = context;
    }

    @Override
    public RouteDecision route(MailAddress recipient) {
        Set<String> local = context.localDomains();
        if (!local.contains(recipient.domain())) {
            return new RouteDecision.Relay("smtp");
        }
        String user = recipient.localPart().toLowerCase(java.util.Locale.ROOT) + "@" + recipient.domain();
        if (context.users().find(user).isPresent()) {
            return new RouteDecision.Deliver(user);
        }
        return new RouteDecision.Reject(Reply.of(550, "5.1.1", "no such user"));
    }
}
