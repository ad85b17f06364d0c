package org.tegami.core.delivery;

import org.tegami.api.MailAddress;
import org.tegami.api.RouteDecision;

/**
 * One final decision with the address it was made for (after rewrites).
 *
 * @param address the final address
 * @param decision Deliver, Relay, Pipe, AppendToFile, Discard or Reject
 */
public record Routed(MailAddress address, RouteDecision decision) {
}
