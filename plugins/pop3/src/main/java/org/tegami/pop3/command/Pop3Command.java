package org.tegami.pop3.command;

import java.io.IOException;
import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Pop3Session;

/**
 * The handler of one POP3 verb. The {@link CommandTable} has checked the state and the TLS
 * requirement before {@link #handle} runs.
 */
@FunctionalInterface
public interface Pop3Command {

    /**
     * @throws IOException when the mail store fails; a {@link org.tegami.api.MailboxException}
     *     becomes a plain {@code -ERR}, any other a {@code -ERR [SYS/TEMP]}
     */
    Pop3Reply handle(Pop3Request request, Pop3Session session) throws IOException;
}
