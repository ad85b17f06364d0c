package org.tegami.core.maildir;

import java.io.IOException;
import org.tegami.api.MailboxException;

/**
 * Whether a user's folders may grow by some bytes: asked by APPEND and COPY after the new
 * files are written and before they are put in place, so an over-quota message never shows.
 * Delivery asks the same question of the same numbers ({@link MaildirDelivery}).
 */
@FunctionalInterface
interface QuotaCheck {

    /** No limit. */
    QuotaCheck NONE = bytes -> { };

    /** @throws MailboxException with {@code OVER_QUOTA} if {@code bytes} more would pass the limit */
    void admit(long bytes) throws IOException;

    /** The check for {@code mailbox}: its limit (0 for none) against the bytes it uses. */
    static QuotaCheck of(MaildirUserMailbox mailbox) {
        long limit = mailbox.quotaBytes();
        if (limit <= 0) {
            return NONE;
        }
        return bytes -> {
            if (mailbox.usedBytes() + bytes > limit) {
                throw new MailboxException(MailboxException.Reason.OVER_QUOTA, "Quota exceeded (mailbox is full)");
            }
        };
    }
}
