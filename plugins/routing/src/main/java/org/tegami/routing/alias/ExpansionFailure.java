package org.tegami.routing.alias;

import org.tegami.api.Reply;

/**
 * An alias that cannot be expanded: the reply for the client, and the cause for the log
 * (which may name files and aliases the client must not see).
 */
public final class ExpansionFailure extends Exception {

    private final transient Reply reply;

    public ExpansionFailure(Reply reply, String cause) {
        super(cause, null, false, false);
        this.reply = reply;
    }

    /** The reply that refuses or defers the recipient. */
    public Reply reply() {
        return reply;
    }
}
