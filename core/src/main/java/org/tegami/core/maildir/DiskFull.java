package org.tegami.core.maildir;

import java.io.IOException;
import org.tegami.api.MailboxException;
import org.tegami.core.fs.StorageErrors;

/** A full disk ({@link StorageErrors#isFull}) as a Maildir writer's client should see it. */
final class DiskFull {

    private DiskFull() {
    }

    static boolean is(IOException e) {
        return StorageErrors.isFull(e);
    }

    /**
     * A full disk as the refusal a client should see (IMAP {@code NO [OVERQUOTA]}, as Dovecot
     * answers it), any other error as it was.
     */
    static IOException forClient(IOException e) {
        if (!is(e)) {
            return e;
        }
        MailboxException refusal = new MailboxException(MailboxException.Reason.OVER_QUOTA, "Not enough disk space");
        refusal.initCause(e);
        return refusal;
    }
}
