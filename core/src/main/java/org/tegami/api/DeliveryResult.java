package org.tegami.api;

/**
 * What happened to one recipient at one delivery attempt.
 *
 * @param recipient the recipient
 * @param status the outcome
 * @param reply the reply that decided it: the remote server's for relays (its text is quoted
 *     in the DSN), or a local one like {@code 452 4.2.2 mailbox full}
 * @param remoteHost the host that answered, or {@code null} for local deliveries
 */
public record DeliveryResult(MailAddress recipient, Status status, Reply reply, String remoteHost) {

    public enum Status {
        /** Done: the message is in the mailbox or accepted by the next server. */
        DELIVERED,
        /** Try again later (4xx, network failure, full disk). */
        DEFERRED,
        /** Will never work (5xx): bounce now. */
        FAILED
    }

    public static DeliveryResult delivered(MailAddress recipient, Reply reply) {
        return new DeliveryResult(recipient, Status.DELIVERED, reply, null);
    }

    public static DeliveryResult deferred(MailAddress recipient, Reply reply) {
        return new DeliveryResult(recipient, Status.DEFERRED, reply, null);
    }

    public static DeliveryResult failed(MailAddress recipient, Reply reply) {
        return new DeliveryResult(recipient, Status.FAILED, reply, null);
    }
}
