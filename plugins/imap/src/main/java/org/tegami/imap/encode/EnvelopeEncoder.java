package org.tegami.imap.encode;

import java.util.List;
import org.tegami.imap.mime.Address;
import org.tegami.imap.mime.AddressParser;
import org.tegami.imap.mime.MimeHeader;

/**
 * The ENVELOPE structure (RFC 3501 7.4.2): date, subject, from, sender, reply-to, to, cc, bcc,
 * in-reply-to, message-id. Values stay as written (RFC 2047 encoded words are not decoded);
 * sender and reply-to default to from.
 */
public final class EnvelopeEncoder {

    private EnvelopeEncoder() {
    }

    public static String encode(MimeHeader h, boolean utf8) {
        StringBuilder out = new StringBuilder(256);
        encode(out, h, utf8);
        return out.toString();
    }

    public static void encode(StringBuilder out, MimeHeader h, boolean utf8) {
        out.append('(');
        ImapStrings.nstring(out, h.get("Date"), utf8);
        out.append(' ');
        ImapStrings.nstring(out, h.get("Subject"), utf8);
        List<Address> from = AddressParser.parse(h.get("From"));
        out.append(' ');
        addresses(out, from, utf8);
        out.append(' ');
        addresses(out, h.get("Sender") == null ? from : AddressParser.parse(h.get("Sender")), utf8);
        out.append(' ');
        addresses(out, h.get("Reply-To") == null ? from : AddressParser.parse(h.get("Reply-To")), utf8);
        for (String field : new String[] {"To", "Cc", "Bcc"}) {
            out.append(' ');
            addresses(out, AddressParser.parse(h.get(field)), utf8);
        }
        out.append(' ');
        ImapStrings.nstring(out, h.get("In-Reply-To"), utf8);
        out.append(' ');
        ImapStrings.nstring(out, h.get("Message-ID"), utf8);
        out.append(')');
    }

    private static void addresses(StringBuilder out, List<Address> list, boolean utf8) {
        if (list.isEmpty()) {
            out.append("NIL");
            return;
        }
        out.append('(');
        for (Address a : list) {
            out.append('(');
            ImapStrings.nstring(out, a.name(), utf8);
            out.append(' ');
            ImapStrings.nstring(out, a.route(), utf8);
            out.append(' ');
            ImapStrings.nstring(out, a.mailbox(), utf8);
            out.append(' ');
            ImapStrings.nstring(out, a.host(), utf8);
            out.append(')');
        }
        out.append(')');
    }
}
