package org.tegami.pop3.session;

/** The session states of RFC 1939 section 3. */
public enum Pop3State {
    /** Before the client has identified itself (USER/PASS, AUTH, STLS, CAPA, QUIT). */
    AUTHORIZATION,
    /** The maildrop is open and locked; messages may be read and marked for deletion. */
    TRANSACTION,
    /** After QUIT in TRANSACTION: the marked messages are removed, then the session ends. */
    UPDATE
}
