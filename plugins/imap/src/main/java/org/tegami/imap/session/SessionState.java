package org.tegami.imap.session;

/** The connection states of RFC 3501 3. */
public enum SessionState {
    NOT_AUTHENTICATED, AUTHENTICATED, SELECTED, LOGOUT
}
