package org.tegami.core.spool;

import org.tegami.api.MailAddress;
import org.tegami.api.RouteDecision;

/**
 * One final destination of a recipient, as the router chain resolved it once and the spool
 * persisted it, so that a retry delivers to exactly the same targets.
 *
 * @param address the final address (after rewrites), for Delivered-To and relays
 * @param decision a final decision: Deliver, Relay, Pipe, AppendToFile, Discard or Reject
 * @param state PENDING, DELIVERED, DEFERRED or FAILED
 * @param lastReply the reply of the last attempt as {@code 250 2.0.0 text}, or {@code null}
 */
public record Target(MailAddress address, RouteDecision decision, DeliveryState state, String lastReply) {

    public Target withOutcome(DeliveryState newState, String reply) {
        return new Target(address, decision, newState, reply);
    }
}
