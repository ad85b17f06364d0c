package org.tegami.api;

import java.util.List;

/**
 * Runs the {@link Router} chain for one address, following rewrites, without delivering:
 * SMTP asks it at RCPT time so that unknown users are refused in the dialogue.
 */
public interface RecipientResolver {

    /** Resolves an address to its final decisions. Thread-safe. */
    Resolution resolve(MailAddress recipient);

    /**
     * The final decisions for one address: never {@code Pass} or {@code Rewrite}.
     *
     * @param decisions one or more of Deliver, Relay, Pipe, AppendToFile, Discard, Reject
     */
    record Resolution(List<RouteDecision> decisions) {

        public Resolution {
            decisions = List.copyOf(decisions);
        }

        /** The reject reply if any decision rejects, else {@code null}. */
        public Reply rejection() {
            for (RouteDecision d : decisions) {
                if (d instanceof RouteDecision.Reject r) {
                    return r.reply();
                }
            }
            return null;
        }

        /** Whether the address leaves this server (needs an authenticated client). */
        public boolean relays() {
            return decisions.stream().anyMatch(d -> d instanceof RouteDecision.Relay);
        }
    }
}
