package org.tegami.api;

import java.io.IOException;

/**
 * A refusal a client should see as a plain "no" (IMAP {@code NO}, POP3 {@code -ERR}): the
 * folder exists or does not, the name is illegal, the message is gone, the quota is full.
 * Other {@link IOException}s are server faults (temporary errors).
 */
public class MailboxException extends IOException {

    /** Why; maps to IMAP response codes (RFC 5530). */
    public enum Reason {
        NONEXISTENT, ALREADY_EXISTS, INVALID_NAME, CANNOT, OVER_QUOTA, EXPUNGED
    }

    private final Reason reason;

    /** @param message client-safe text */
    public MailboxException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
