package org.tegami.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * The spool's front door for protocol plugins.
 *
 * <p>{@link #accept} returns only when the message and its envelope are on disk and fsync'd,
 * file and directory (DESIGN "The spool's promises" 1): answer the client's {@code 250} after
 * it returns, never before. Concurrent calls share fsyncs (group commit), so call it from the
 * session thread and let many sessions wait together. Thread-safe.
 */
public interface Intake {

    /**
     * Stores a message durably and queues it for routing and delivery.
     *
     * @param envelope sender, recipients and parameters
     * @param message the message as it should be delivered, with CRLF line ends and no SMTP
     *     dot-stuffing; the caller's Received: header already prepended. Read to its end.
     * @return the queue id, for the {@code 250} reply and the logs
     * @throws IOException when the message could not be stored (disk full ...): answer 451/452,
     *     nothing was accepted
     */
    String accept(Envelope envelope, InputStream message) throws IOException;
}
