package org.tegami.api;

import java.util.List;

/**
 * Delivers a message to another server (smtp plugin: MX lookup, fallback, STARTTLS).
 * Called by the spool's delivery workers, from several threads at once, with one message
 * and the recipients that route through this transport to the same next hop.
 *
 * <p>Must return one result per recipient. Failures to connect or time-outs are
 * {@link DeliveryResult.Status#DEFERRED}; the spool retries with backoff and bounces after
 * the maximum queue age. Unexpected exceptions are treated as deferral of every recipient.
 */
public interface Transport extends TegamiExtension {

    /** The name routers use in {@link RouteDecision.Relay#transport()}. */
    String name();

    List<DeliveryResult> deliver(OutboundMessage message) throws Exception;
}
