package org.tegami.core.metrics;

import java.util.Locale;
import org.tegami.api.Envelope;

/** Where a message accepted into the spool came from: the {@code source} label. */
public enum MessageSource {
    /** A protocol session ({@code ESMTP}, {@code ESMTPSA}, {@code LMTP} ... origins). */
    SMTP,
    /** A file in {@code spool/incoming}: the sendmail command and any other local tool. */
    INCOMING,
    /** A delivery status notification made by the delivery side. */
    BOUNCE,
    /** Handed to the spool by an extension with another origin protocol. */
    OTHER;

    /** The label value. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The source of a message handed to {@code Intake.accept}, by its origin's protocol. */
    public static MessageSource of(Envelope.Origin origin) {
        String protocol = origin.protocol() == null ? "" : origin.protocol().toUpperCase(Locale.ROOT);
        // RFC 3848 names the protocols SMTP, ESMTP, ESMTPA, ESMTPS, ESMTPSA, LMTP ... (and UTF8 variants).
        return protocol.contains("SMTP") || protocol.contains("LMTP") ? SMTP : OTHER;
    }
}
