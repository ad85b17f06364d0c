package org.tegami.smtp.command;

import java.util.Set;
import org.tegami.smtp.session.SessionContext;
import org.tegami.smtp.session.SmtpState;

/**
 * The handler of one SMTP verb. The {@link CommandTable} calls it only in one of its
 * {@link #legalStates()}, and answers 503 otherwise. Called on the session's thread.
 */
public interface SmtpCommand {

    /** The verb, upper-case. */
    String verb();

    /** The states in which the command may run (RFC 5321 4.1.4). */
    Set<SmtpState> legalStates();

    /**
     * Checks the argument and acts.
     *
     * @param argument the text after the verb, possibly empty
     */
    Response execute(SessionContext session, String argument);

    /** All states. */
    Set<SmtpState> ANY = Set.of(SmtpState.values());

    /** After EHLO/HELO, in or out of a transaction. */
    Set<SmtpState> GREETED_ANY = Set.of(SmtpState.GREETED, SmtpState.MAIL, SmtpState.RCPT);

    /** Before a transaction. */
    Set<SmtpState> NO_TRANSACTION = Set.of(SmtpState.CONNECTED, SmtpState.GREETED);
}
