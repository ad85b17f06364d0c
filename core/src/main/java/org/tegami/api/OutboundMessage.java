package org.tegami.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A message handed to a {@link Transport}.
 *
 * @param queueId the spool's id, for logs
 * @param envelope the original envelope (sender and parameters such as BODY and SMTPUTF8)
 * @param recipients the recipients this call must deliver, all to the same next hop
 * @param nextHop {@code host[:port]} of a smarthost, or {@code null} for the recipients' MX
 * @param requireTls whether delivery without TLS is forbidden
 * @param content the message bytes as received (CRLF line ends), opened fresh per call
 * @param size the message size in bytes
 */
public record OutboundMessage(String queueId, Envelope envelope, List<MailAddress> recipients,
        String nextHop, boolean requireTls, Content content, long size) {

    public OutboundMessage {
        recipients = List.copyOf(recipients);
    }

    /** Opens the message content; each call gives a new stream from the start. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
