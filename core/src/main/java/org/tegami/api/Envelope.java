package org.tegami.api;

import java.util.List;
import java.util.Map;

/**
 * What the SMTP dialogue (or the sendmail command) says about a message, apart from its
 * content. Immutable; the spool stores it beside the message.
 *
 * @param sender the reverse-path; {@link MailAddress#NULL_SENDER} for bounces
 * @param recipients at least one recipient, in the order given
 * @param parameters MAIL FROM parameters kept for relaying and DSNs, upper-case keys:
 *     {@code BODY} (7BIT, 8BITMIME, BINARYMIME), {@code SMTPUTF8} (empty value), {@code RET}
 *     (FULL or HDRS), {@code ENVID} (xtext), {@code AUTH}
 * @param origin who handed the message over, for Received: headers and logs
 */
public record Envelope(MailAddress sender, List<Recipient> recipients, Map<String, String> parameters, Origin origin) {

    public Envelope {
        if (sender == null) {
            throw new IllegalArgumentException("sender must not be null; use MailAddress.NULL_SENDER");
        }
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
        parameters = Map.copyOf(parameters);
        if (origin == null) {
            origin = Origin.LOCAL;
        }
    }

    /**
     * Where a message came from.
     *
     * @param protocol {@code ESMTP}, {@code ESMTPSA}, {@code local} (sendmail, spool/incoming) ...
     * @param heloName the EHLO/HELO argument, or {@code null}
     * @param clientAddress the client's IP address as text, or {@code null} for local submission
     * @param authenticatedUser the AUTH identity, or {@code null}
     */
    public record Origin(String protocol, String heloName, String clientAddress, String authenticatedUser) {
        public static final Origin LOCAL = new Origin("local", null, null, null);
    }
}
