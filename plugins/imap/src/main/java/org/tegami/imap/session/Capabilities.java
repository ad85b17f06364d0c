package org.tegami.imap.session;

/**
 * The CAPABILITY list for the session's present state (RFC 3501 6.1.1, 7.2.1): STARTTLS while
 * it can be used, LOGINDISABLED and no AUTH= mechanisms while plaintext login is refused,
 * COMPRESS=DEFLATE once logged in and until it is active.
 */
public final class Capabilities {

    static final String EXTENSIONS = "LITERAL+ SASL-IR ID ENABLE IDLE UIDPLUS MOVE NAMESPACE UNSELECT CHILDREN"
            + " SPECIAL-USE LIST-EXTENDED LIST-STATUS ESEARCH SEARCHRES SORT SORT=DISPLAY THREAD=ORDEREDSUBJECT THREAD=REFERENCES STATUS=SIZE BINARY UTF8=ACCEPT QUOTA";

    private Capabilities() {
    }

    public static String of(ImapSession s) {
        StringBuilder caps = new StringBuilder("IMAP4rev1 IMAP4rev2");
        if (s.state() == SessionState.NOT_AUTHENTICATED) {
            if (s.connection().canStartTls() && !s.connection().isSecure()) {
                caps.append(" STARTTLS");
            }
            if (s.plaintextAuthAllowed()) {
                caps.append(" AUTH=PLAIN AUTH=LOGIN");
            } else {
                caps.append(" LOGINDISABLED");
            }
        }
        caps.append(' ').append(EXTENSIONS);
        if (s.state() != SessionState.NOT_AUTHENTICATED && !s.compressing()) {
            caps.append(" COMPRESS=DEFLATE");
        }
        return caps.toString();
    }
}
