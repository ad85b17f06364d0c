package org.tegami.smtp.relay;

import org.tegami.api.Reply;

/**
 * This server cannot take the message now (connection refused or lost, timeout, bad
 * greeting, TLS required but missing, AUTH refused, MAIL refused with 4xx): the next address or
 * MX host is tried. The reply is what the recipients get if no host does better; its code class
 * matches {@link #isPermanent()}.
 */
public class HostFailure extends Exception {

    private final transient Reply reply;
    private final boolean unreachable;

    public HostFailure(Reply reply) {
        this(reply, false);
    }

    private HostFailure(Reply reply, boolean unreachable) {
        super(reply.toString());
        this.reply = reply;
        this.unreachable = unreachable;
    }

    /** The host did not answer at all (no connection, no greeting): worth remembering a while. */
    public static HostFailure unreachable(Reply reply) {
        return new HostFailure(reply, true);
    }

    public boolean isUnreachable() {
        return unreachable;
    }

    public Reply reply() {
        return reply;
    }

    /** Whether this host refused for good (a 5xx greeting); all such hosts make a bounce. */
    public boolean isPermanent() {
        return reply.isPermanent();
    }

    /** A temporary failure quoting the remote reply that caused it. */
    public static HostFailure transientFrom(String what, RemoteReply remote) {
        return new HostFailure(Reply.of(451, remote.isTransient() && remote.enhanced() != null ? remote.enhanced() : "4.4.0",
                what + ": " + remote.code() + (remote.enhanced() == null ? "" : " " + remote.enhanced()) + " " + remote.text()));
    }
}
