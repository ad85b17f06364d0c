package org.tegami.imap.session;

import org.tegami.api.MailboxException;

/** Response codes (RFC 5530) for the Mailbox API's refusals. */
public final class ResponseCodes {

    private ResponseCodes() {
    }

    public static String of(MailboxException.Reason reason) {
        return switch (reason) {
            case NONEXISTENT -> "NONEXISTENT";
            case ALREADY_EXISTS -> "ALREADYEXISTS";
            case INVALID_NAME -> "CANNOT";
            case CANNOT -> "CANNOT";
            case OVER_QUOTA -> "OVERQUOTA";
            case EXPUNGED -> "EXPUNGEISSUED";
        };
    }
}
