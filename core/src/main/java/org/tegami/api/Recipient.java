package org.tegami.api;

/**
 * One envelope recipient with its RFC 3461 DSN parameters.
 *
 * @param address where the message goes
 * @param dsnNotify the NOTIFY parameter as given ({@code NEVER}, or a comma list of
 *     {@code SUCCESS,FAILURE,DELAY}), or {@code null} when absent (treated as {@code FAILURE,DELAY})
 * @param originalRecipient the ORCPT parameter ({@code addr-type;xtext}) or {@code null}
 */
public record Recipient(MailAddress address, String dsnNotify, String originalRecipient) {

    public Recipient {
        if (address == null || address.isNullSender()) {
            throw new IllegalArgumentException("a recipient needs an address");
        }
    }

    public static Recipient of(MailAddress address) {
        return new Recipient(address, null, null);
    }

    /** Whether a failure of this recipient should be reported to the sender. */
    public boolean wantsFailureNotice() {
        return dsnNotify == null || dsnNotify.toUpperCase(java.util.Locale.ROOT).contains("FAILURE");
    }
}
