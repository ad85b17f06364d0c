package org.tegami.smtp.session;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.tegami.api.Connection;
import org.tegami.api.Recipient;

/**
 * The {@code Received:} trace header (RFC 5321 4.4) added on top of each accepted message:
 * client name and address, our name, the RFC 3848 protocol ({@code ESMTPSA} ...), the TLS
 * protocol and cipher and the authenticated user in a comment, the recipient when there is
 * only one (more would disclose Bcc recipients to each other), and the time.
 */
public final class ReceivedHeader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private ReceivedHeader() {
    }

    /** The header for the transaction open in {@code session}, folded, ending in CRLF. */
    public static byte[] build(SessionContext session, String hostname, ZonedDateTime now) {
        String address = session.clientAddress() == null ? null : session.clientAddress().getHostAddress();
        StringBuilder h = new StringBuilder(256);
        h.append("Received: from ").append(token(session.heloName()));
        if (address != null) {
            h.append(" ([").append(address.contains(":") ? "IPv6:" + address : address).append("])");
        }
        h.append("\r\n\tby ").append(token(hostname)).append(" (Tegami) with ").append(session.withProtocol())
                .append(" id ").append(token(session.sessionId()).replace('.', '-'));
        List<String> notes = new java.util.ArrayList<>();
        session.tlsInfo().map(ReceivedHeader::tls).ifPresent(notes::add);
        session.authenticatedUser().ifPresent(u -> notes.add("authenticated as " + comment(u)));
        if (!notes.isEmpty()) {
            h.append("\r\n\t(").append(String.join("; ", notes)).append(')');
        }
        List<Recipient> recipients = session.transaction().recipients();
        if (recipients.size() == 1) {
            h.append("\r\n\tfor ").append(comment(recipients.get(0).address().bracketed()));
        }
        h.append(";\r\n\t").append(DATE.format(now)).append("\r\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String tls(Connection.TlsInfo info) {
        return comment(info.protocol()) + " " + comment(info.cipherSuite());
    }

    /** Keeps client-chosen text from breaking the header: one token of safe characters. */
    static String token(String s) {
        if (s == null || s.isEmpty()) {
            return "unknown";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().limit(255).forEach(c -> out.appendCodePoint(
                Character.isLetterOrDigit(c) || ".-_:[]".indexOf(c) >= 0 ? c : '_'));
        return out.toString();
    }

    /** Text safe inside a comment: no parentheses, backslashes or control characters. */
    static String comment(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().limit(320).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f || c == '(' || c == ')' || c == '\\' ? '_' : c));
        return out.toString();
    }
}
