package org.tegami.api;

import java.io.IOException;

/**
 * The users' Maildirs, for POP3 and IMAP. Core is the only code that knows the Maildir format
 * (file names, {@code dovecot-uidlist}, {@code dovecot-keywords}, {@code subscriptions});
 * plugins see folders, messages, UIDs and flags. Thread-safe.
 */
public interface MailStore {

    /**
     * The mail root of a user, created on first use with INBOX and the special-use folders
     * Sent, Drafts, Trash, Junk and Archive (RFC 6154).
     *
     * @param user an account name from the {@link UserDirectory}
     */
    UserMailbox mailbox(String user) throws IOException;
}
