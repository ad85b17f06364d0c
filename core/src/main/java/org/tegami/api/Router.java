package org.tegami.api;

/**
 * Decides where one envelope recipient goes. Routers form an ordered chain (lower
 * {@link #order()} first); the first that does not answer {@link RouteDecision.Pass} wins.
 * A {@link RouteDecision.Rewrite} sends each new address through the whole chain again; the
 * host stops rewrite loops and chains deeper than 20 with a bounce.
 *
 * <p>Called for RCPT checks during SMTP dialogues and again at delivery, from many threads:
 * implementations must be thread-safe, fast (in-memory lookups), and free of side effects.
 */
public interface Router extends TegamiExtension {

    /** Position in the chain; the standard routers of the routing plugin use 100..900. */
    default int order() {
        return 500;
    }

    /**
     * @param recipient the address to route, domain lower-case
     * @return the decision; never {@code null}
     */
    RouteDecision route(MailAddress recipient);
}
