package org.tegami.routing.rule;

import org.tegami.api.RouteDecision;

/**
 * One line of the rules file.
 *
 * @param pattern which recipients it applies to
 * @param decision what happens to them: a {@link RouteDecision.Relay} or {@link RouteDecision.Reject}
 * @param line the line it was written on
 */
public record RouteRule(RecipientPattern pattern, RouteDecision decision, int line) {
}
