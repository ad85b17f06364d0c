package org.tegami.core.delivery;

import java.io.IOException;
import java.nio.file.Path;
import org.tegami.api.DeliveryResult;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.RouteDecision;

/**
 * Puts one copy of a spooled message into a local Maildir. Implemented by the Maildir code;
 * called by the spool's delivery workers from several threads at once.
 *
 * <p>Idempotent by {@code deliveryKey}: the Maildir file's unique part is derived from it, so
 * a delivery retried after a crash finds the copy already in {@code new/} or {@code cur/} and
 * reports DELIVERED without writing a second one (DESIGN, spool promise 1).
 */
public interface LocalDelivery {

    /**
     * @param deliveryKey unique per queued message and final recipient, safe as a file-name
     *     part ({@code [A-Za-z0-9_-]+})
     * @param envelope the message's envelope (for Return-Path)
     * @param recipient the final recipient address (for Delivered-To)
     * @param target the user and folder the router chose
     * @param messageFile the spooled message bytes (CRLF line ends)
     * @return DELIVERED, DEFERRED (e.g. over quota, disk full) or FAILED (e.g. no such user)
     */
    DeliveryResult deliver(String deliveryKey, Envelope envelope, MailAddress recipient,
            RouteDecision.Deliver target, Path messageFile) throws IOException;
}
