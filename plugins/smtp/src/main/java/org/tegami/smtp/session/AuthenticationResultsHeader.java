package org.tegami.smtp.session;

import java.nio.charset.StandardCharsets;
import org.tegami.api.MailAddress;
import org.tegami.smtp.spf.SpfVerdict;

/**
 * The {@code Authentication-Results:} header (RFC 8601) that records our SPF check of a
 * message from another server, for the user's filters and mail reader:
 * {@code Authentication-Results: mx.example.org; spf=pass (matched ip4:192.0.2.0/24)
 * smtp.mailfrom=alice@example.com}.
 */
public final class AuthenticationResultsHeader {

    private AuthenticationResultsHeader() {
    }

    /**
     * The header, folded, ending in CRLF.
     *
     * @param authservId our host name (RFC 8601 2.5: the authserv-id names the checking host)
     */
    public static byte[] spf(String authservId, SpfVerdict verdict, MailAddress sender, String heloName) {
        StringBuilder h = new StringBuilder(160);
        h.append("Authentication-Results: ").append(ReceivedHeader.token(authservId)).append(";\r\n\tspf=")
                .append(verdict.result().keyword()).append(" (").append(ReceivedHeader.comment(verdict.reason())).append(')');
        // RFC 7208 9.2 / RFC 8601 2.7.2: the identity checked, smtp.helo for the null sender.
        if (sender.isNullSender()) {
            h.append(" smtp.helo=").append(ReceivedHeader.token(heloName));
        } else {
            h.append(" smtp.mailfrom=").append(identity(sender));
        }
        return h.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The sender as a property value: the whole address when its local part is a plain
     * dot-atom, else just its domain (RFC 8601 2.3 allows both; quoting odd local parts right
     * is not worth a parser error in someone's filter).
     */
    private static String identity(MailAddress sender) {
        String domain = ReceivedHeader.token(sender.domain());
        String local = sender.localPart();
        return local.matches("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
                ? local + "@" + domain : domain;
    }
}
