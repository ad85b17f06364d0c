package org.tegami.core.maildir;

import java.io.IOException;
import org.tegami.api.MailboxException;

/**
 * Recognises a write that failed because the file system is full ({@code ENOSPC}) or the
 * owner's disk quota is used up ({@code EDQUOT}). The JDK reports both only as an
 * {@link IOException} carrying the C library's text, so the text is what we look at.
 */
final class DiskFull {

    private static final String[] MESSAGES = {"No space left on device", "Disk quota exceeded"};

    private DiskFull() {
    }

    static boolean is(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                for (String full : MESSAGES) {
                    if (m.contains(full)) {
                        return true;
                    }
                }
            }
        }
        return false;
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
