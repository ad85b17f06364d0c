package org.tegami.imap.process;

import java.util.EnumSet;
import java.util.Set;
import org.tegami.imap.session.SessionState;

/** The state sets commands are allowed in (RFC 3501 6.1 - 6.4). */
final class States {

    static final Set<SessionState> ANY = EnumSet.of(SessionState.NOT_AUTHENTICATED, SessionState.AUTHENTICATED,
            SessionState.SELECTED);
    static final Set<SessionState> NOT_AUTHENTICATED = EnumSet.of(SessionState.NOT_AUTHENTICATED);
    static final Set<SessionState> AUTHENTICATED = EnumSet.of(SessionState.AUTHENTICATED, SessionState.SELECTED);
    static final Set<SessionState> SELECTED = EnumSet.of(SessionState.SELECTED);

    private States() {
    }
}
