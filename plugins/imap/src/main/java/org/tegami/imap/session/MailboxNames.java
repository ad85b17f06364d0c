package org.tegami.imap.session;

import org.tegami.api.MailboxException;
import org.tegami.api.ModifiedUtf7;

/**
 * Mailbox names between the wire and the Mailbox API. On the wire they are modified UTF-7
 * (RFC 3501 5.1.3), or UTF-8 once the client enabled UTF8=ACCEPT (RFC 6855 3); in the API they
 * are Unicode. Both use {@code /} as hierarchy delimiter; INBOX is case-insensitive
 * (RFC 3501 5.1). Illegal names are refused by the store itself.
 */
public final class MailboxNames {

    private MailboxNames() {
    }

    /** The API name for a name sent by the client. */
    public static String fromWire(String wire, boolean utf8) throws MailboxException {
        String name;
        if (utf8) {
            name = wire;
        } else {
            try {
                name = ModifiedUtf7.decode(wire);
            } catch (IllegalArgumentException e) {
                throw new MailboxException(MailboxException.Reason.INVALID_NAME, "Invalid modified UTF-7 mailbox name");
            }
        }
        return canonical(name);
    }

    /** INBOX in upper case, trailing delimiter removed. */
    public static String canonical(String name) {
        String n = name;
        while (n.length() > 1 && n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.equalsIgnoreCase("INBOX")) {
            return "INBOX";
        }
        if (n.regionMatches(true, 0, "INBOX/", 0, 6)) {
            return "INBOX" + n.substring(5);
        }
        return n;
    }

    /** The wire form of an API name. */
    public static String toWire(String name, boolean utf8) {
        return utf8 ? name : ModifiedUtf7.encode(name);
    }
}
