package org.tegami.pop3.command;

import org.tegami.pop3.codec.Pop3Reply;
import org.tegami.pop3.codec.Pop3Request;
import org.tegami.pop3.session.Maildrop;
import org.tegami.pop3.session.Pop3Session;

/**
 * UIDL [msg] (RFC 1939 section 7): the unique-id is the Maildir base name
 * ({@link org.tegami.api.MessageInfo#key()}), stable across sessions and the same message IMAP
 * sees ({@link UniqueId}).
 */
final class UidlCommand implements Pop3Command {

    @Override
    public Pop3Reply handle(Pop3Request request, Pop3Session session) {
        Maildrop maildrop = session.maildrop();
        return ScanListing.answer(request, session, "unique-id listing follows",
                n -> UniqueId.of(maildrop.get(n).key()));
    }
}
