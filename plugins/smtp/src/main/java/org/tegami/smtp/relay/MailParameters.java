package org.tegami.smtp.relay;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import org.tegami.api.Envelope;
import org.tegami.api.MailAddress;
import org.tegami.api.Recipient;

/**
 * Builds the MAIL FROM and RCPT TO commands of one message for one server, passing on only
 * the parameters the server announced: SIZE (RFC 1870), BODY=8BITMIME (RFC 6152), SMTPUTF8
 * (RFC 6531), and the DSN parameters RET, ENVID, NOTIFY, ORCPT (RFC 3461 4). Pure functions.
 */
public final class MailParameters {

    private MailParameters() {
    }

    /**
     * Whether the message cannot be sent without SMTPUTF8: it was received with the SMTPUTF8
     * parameter, or an address of this delivery is not ASCII (RFC 6531 3.4).
     */
    public static boolean needsSmtpUtf8(Envelope envelope, List<MailAddress> recipients) {
        if (envelope.parameters().containsKey("SMTPUTF8") || !isAscii(envelope.sender().localPart())) {
            return true;
        }
        // A non-ASCII domain alone can go as its A-label (RFC 5890); a local part cannot.
        return recipients.stream().anyMatch(r -> !isAscii(r.localPart()));
    }

    /** Whether addresses go as they are (UTF-8) rather than with A-label domains. */
    static boolean utf8Addresses(Envelope envelope, Capabilities caps) {
        return caps.has("SMTPUTF8") && envelope.parameters().containsKey("SMTPUTF8");
    }

    /** {@code <local@domain>}, the domain as A-label unless the session is SMTPUTF8. */
    static String path(MailAddress address, boolean utf8) {
        if (utf8 || address.isNullSender() || isAscii(address.domain())) {
            return address.bracketed();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(address.domain(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return address.bracketed();
        }
        return new MailAddress(address.localPart(), ascii).bracketed();
    }

    /** Whether the body was declared 8-bit (BODY=8BITMIME or BINARYMIME). */
    public static boolean isEightBit(Envelope envelope) {
        String body = envelope.parameters().get("BODY");
        return body != null && !body.equalsIgnoreCase("7BIT");
    }

    /** {@code MAIL FROM:<sender> params} without CRLF. */
    public static String mailFrom(Envelope envelope, long size, Capabilities caps) {
        StringBuilder line = new StringBuilder("MAIL FROM:").append(path(envelope.sender(), utf8Addresses(envelope, caps)));
        if (caps.has("SIZE") && size > 0) {
            line.append(" SIZE=").append(size);
        }
        if (isEightBit(envelope) && caps.has("8BITMIME")) {
            line.append(" BODY=8BITMIME");
        }
        if (caps.has("SMTPUTF8") && envelope.parameters().containsKey("SMTPUTF8")) {
            line.append(" SMTPUTF8");
        }
        if (caps.has("DSN")) {
            String ret = envelope.parameters().get("RET");
            if (ret != null) {
                line.append(" RET=").append(ret.toUpperCase(Locale.ROOT));
            }
            String envid = envelope.parameters().get("ENVID");
            if (envid != null) {
                line.append(" ENVID=").append(envid);
            }
        }
        return line.toString();
    }

    /** {@code RCPT TO:<address> params} without CRLF; DSN parameters come from the envelope. */
    public static String rcptTo(MailAddress address, Envelope envelope, Capabilities caps) {
        StringBuilder line = new StringBuilder("RCPT TO:").append(path(address, utf8Addresses(envelope, caps)));
        if (caps.has("DSN")) {
            Recipient original = envelope.recipients().stream()
                    .filter(r -> r.address().equals(address))
                    .findFirst().orElse(null);
            if (original != null && original.dsnNotify() != null) {
                line.append(" NOTIFY=").append(original.dsnNotify().toUpperCase(Locale.ROOT));
            }
            if (original != null && original.originalRecipient() != null) {
                line.append(" ORCPT=").append(original.originalRecipient());
            }
        }
        return line.toString();
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }
}
