package org.tegami.routing;

import org.tegami.api.Reply;
import org.tegami.api.RouteDecision;

/** The replies the routers give on their own. */
final class Replies {

    /** RFC 3463 X.1.1: bad destination mailbox address. */
    static final RouteDecision.Reject NO_SUCH_USER = new RouteDecision.Reject(Reply.of(550, "5.1.1", "no such user"));

    private Replies() {
    }
}
